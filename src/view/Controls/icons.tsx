/** Small stroke icons for the step buttons (font glyphs like ⏮ are missing from many fonts). */
const paths = {
  reset: 'M5 4v12M15 4 8 10l7 6z',
  // Previous/next are arrows, never the play triangle: on a phone the buttons show icons alone.
  previous: 'M16 10H5M9.5 5.5 5 10l4.5 4.5',
  play: 'M6 4l10 6-10 6z',
  pause: 'M6 4h3v12H6zM11 4h3v12h-3z',
  next: 'M4 10h11M10.5 5.5 15 10l-4.5 4.5',
  panelClose: 'M3 4h14v12H3zM7 4v12M13 8l-2 2 2 2',
  panelOpen: 'M3 4h14v12H3zM7 4v12M11 8l2 2-2 2',
  backward: 'M3 10h11M8 5l-5 5 5 5M17 4v12',
  end: 'M5 4l8 6-8 6zM15 4v12',
  fit: 'M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4',
  plus: 'M10 4v12M4 10h12',
  minus: 'M4 10h12',
  // A question mark: practice mode asks for each number.
  practice: 'M7 7.5a3 3 0 1 1 4.2 2.7c-.8.4-1.2 1-1.2 1.8v.5M10 15.5v.5',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  const filled = name === 'play' || name === 'pause' || name === 'end' || name === 'reset';
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={filled ? 1 : 2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
