/** Playback icons as inline SVG (glyph coverage of ⏮ ▶ ❚❚ varies between systems and projectors). */
const props = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'currentColor',
  'aria-hidden': true,
} as const;

export const ResetIcon = () => (
  <svg {...props}>
    <rect x="2.5" y="3" width="2" height="10" rx="0.5" />
    <path d="M13.5 3.2v9.6a.5.5 0 0 1-.77.42L5.6 8.42a.5.5 0 0 1 0-.84l7.13-4.8a.5.5 0 0 1 .77.42z" />
  </svg>
);
export const BackIcon = () => (
  <svg {...props}>
    <path d="M11 3.5v9a.5.5 0 0 1-.8.4l-6-4.5a.5.5 0 0 1 0-.8l6-4.5a.5.5 0 0 1 .8.4z" />
  </svg>
);
export const ForwardIcon = () => (
  <svg {...props}>
    <path d="M5 3.5v9a.5.5 0 0 0 .8.4l6-4.5a.5.5 0 0 0 0-.8l-6-4.5a.5.5 0 0 0-.8.4z" />
  </svg>
);
export const PlayIcon = () => (
  <svg {...props}>
    <path d="M4 2.6v10.8a.6.6 0 0 0 .9.5l8.6-5.4a.6.6 0 0 0 0-1L4.9 2.1a.6.6 0 0 0-.9.5z" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...props}>
    <rect x="3.5" y="2.5" width="3" height="11" rx="0.8" />
    <rect x="9.5" y="2.5" width="3" height="11" rx="0.8" />
  </svg>
);
