/** Canvas colors the d3 code needs as values (the CSS variables mirror them in styles/base.css). */
export const PLOT_BACKGROUND = { light: '#ffffff', dark: '#10151d' } as const;
/** How strongly the contour palette is mixed into the background (lighter fills let paths stand out). */
export const CONTOUR_STRENGTH = { light: 0.4, dark: 0.42 } as const;
