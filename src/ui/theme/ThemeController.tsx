/** Headless: keeps <html data-theme> in step with the store and prefers-color-scheme. */
import { useApplyTheme } from './useTheme';

export function ThemeController() {
  useApplyTheme();
  return null;
}
