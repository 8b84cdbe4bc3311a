/**
 * A panel that is mostly HTML (text, formulas, tables — "Inside the step") as an SVG: a clone of it, every
 * computed style inlined, inside a <foreignObject>. Browsers draw such an SVG into a canvas (no external
 * resources, so the canvas stays readable) and open it as a file.
 */

function inlineAllStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  let style = '';
  for (let i = 0; i < computed.length; i++) {
    const property = computed[i]!;
    style += `${property}:${computed.getPropertyValue(property)};`;
  }
  target.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++) {
    const child = target.children[i];
    if (child) inlineAllStyles(source.children[i]!, child);
  }
}

export function htmlToSvg(element: HTMLElement, background: string): string {
  const { width, height } = element.getBoundingClientRect();
  const clone = element.cloneNode(true) as HTMLElement;
  inlineAllStyles(element, clone);
  // Form controls show their live value, not their attribute: copy it over.
  const sources = element.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select');
  clone.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select').forEach((control, i) => {
    const value = sources[i]?.value ?? '';
    if (control instanceof HTMLSelectElement) {
      for (const option of Array.from(control.options))
        option.toggleAttribute('selected', option.value === value);
    } else if (control.type === 'checkbox') {
      control.toggleAttribute('checked', (sources[i] as HTMLInputElement).checked);
    } else control.setAttribute('value', value);
  });
  clone.style.margin = '0';
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  const body = new XMLSerializer().serializeToString(clone);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="100%" height="100%" fill="${background}"/>` +
    `<foreignObject x="0" y="0" width="${w}" height="${h}">${body}</foreignObject></svg>`
  );
}
