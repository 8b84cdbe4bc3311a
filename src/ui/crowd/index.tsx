export { CrowdLab, type CrowdEntry } from './CrowdLab';
