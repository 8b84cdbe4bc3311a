import { expect, type Page } from '@playwright/test';

/** Opens a lesson through the compact lesson picker (the list shows only while the picker is open). */
export async function pickLesson(page: Page, id: string): Promise<void> {
  const item = page.getByTestId(`lesson-${id}`);
  if (!(await item.isVisible())) await page.getByTestId('lesson-picker').click();
  await item.click();
  await expect(item).toBeHidden();
}
