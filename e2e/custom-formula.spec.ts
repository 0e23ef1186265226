/** The inspector of a custom activation shows f(x) and f′(x) as parsed, or why the formula does not parse. */
import { expect, test } from '@playwright/test';
import { nodeIds, nodes, openEditor, selectNode } from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('typesets f and its derivative as the formula is typed, and never a stale f′', async ({ page }) => {
  await page.getByTestId('palette-act.custom').click();
  await expect(nodes(page)).toHaveCount(1);
  const [id] = await nodeIds(page);
  await selectNode(page, id);
  const inspector = page.getByTestId('node-inspector');
  const f = inspector.getByTestId('custom-formula-f');
  const df = inspector.getByTestId('custom-formula-df');
  const error = inspector.getByTestId('custom-formula-error');

  const formula = inspector.getByTestId('param-input-formula');
  await formula.fill('x^2 + sin(x)');
  await expect(f).toContainText('sin');
  await expect(df).toContainText('cos');
  await expect(inspector.getByTestId('custom-formula-source')).toContainText('worked out');
  await expect(error).toHaveCount(0);

  // One more character breaks it: the error with its position, and no f′ left from the last good formula.
  await formula.fill('x^2 + sin(x) +');
  await expect(formula).toHaveAttribute('aria-invalid', 'true');
  await expect(error).toContainText('at character 15');
  await expect(inspector.getByTestId('field-error')).toContainText('at character 15');
  await expect(df).toHaveCount(0);
  await expect(f).toHaveCount(0);

  // Fixed again, it comes back.
  await formula.fill('x^2 + sin(x)');
  await expect(df).toContainText('cos');
  await expect(error).toHaveCount(0);

  // A typed derivative is shown as typed, and a wrong one is pointed out.
  const derivative = inspector.getByTestId('param-input-derivative');
  await derivative.fill('2x - cos(x)');
  await expect(inspector.getByTestId('custom-formula-source')).toContainText('as you typed it');
  await expect(inspector.getByTestId('custom-formula-mismatch')).toContainText('does not match');
  await derivative.fill('2x + cos(x)');
  await expect(df).toContainText('cos');
  await expect(inspector.getByTestId('custom-formula-mismatch')).toHaveCount(0);
});
