/** "Type your own optimizer": mount <OptimizerEditor /> under the optimizer list. */
export { OptimizerEditor } from './OptimizerEditor';
