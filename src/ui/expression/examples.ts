/** The example chips of the expression editor: each one teaches something about a shape. */
export interface ExpressionExample {
  readonly label: string;
  readonly expression: string;
  readonly constants?: Readonly<Record<string, number>>;
  readonly title: string;
}

export const EXPRESSION_EXAMPLES: readonly ExpressionExample[] = [
  { label: 'double well', expression: 'x^4 - x^2 + y^2', title: 'Two minima and a saddle between them' },
  {
    label: 'a·w1² + b·w2²',
    expression: 'a*w1^2 + b*w2^2',
    constants: { a: 1, b: 25 },
    title: 'A bowl whose two curvatures you set with sliders',
  },
  {
    label: 'Rosenbrock',
    expression: '(a - x)^2 + b*(y - x^2)^2',
    constants: { a: 1, b: 100 },
    title: "Rosenbrock's banana, with its a and b as sliders",
  },
  {
    label: 'sin·cos',
    expression: 'sin(x)*cos(y)',
    title: 'An egg crate: minima, maxima and saddles everywhere',
  },
  {
    label: 'log bowl',
    expression: 'log(1 + x^2) + y^2',
    title: 'A bowl that flattens out: gradients fade far away',
  },
  {
    label: 'log barrier',
    expression: 'x^2 + y^2 - log(x + 1.5)',
    title: 'Undefined left of x = -1.5: a large step lands where f has no value, and the run stops',
  },
];
