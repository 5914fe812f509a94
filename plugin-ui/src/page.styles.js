import { css } from 'lit';

/** Look shared by the page-sized elements (campaigns, analytics, sender numbers): forms, tables, buttons, cards. */
export const pageStyles = css`
  h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .muted, .hint { color: #5f6b7a; font-size: 0.85rem; }
  .toolbar { display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem 0.75rem; margin-bottom: 0.75rem; }
  label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.85rem; font-weight: 500; }
  .field { display: flex; flex-direction: column; gap: 0.2rem; }
  .field > label { display: block; }
  label.inline { flex-direction: row; align-items: center; gap: 0.4rem; font-weight: 400; }
  input, select, textarea {
    font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #b8c2cc; border-radius: 6px; background: #fff; color: inherit;
  }
  input[type='radio'], input[type='checkbox'] { padding: 0; }
  input[aria-invalid='true'], select[aria-invalid='true'], textarea[aria-invalid='true'] { border-color: var(--wa-danger); }
  .field-error { color: var(--wa-danger); font-size: 0.8rem; font-weight: 400; }
  button {
    font: inherit; padding: 0.35rem 0.85rem; border-radius: 6px; border: 1px solid #b8c2cc; background: #f6f8fa;
    color: inherit; cursor: pointer;
  }
  button.primary { background: var(--wa-accent); border-color: var(--wa-accent); color: #fff; font-weight: 600; }
  button.danger { color: var(--wa-danger); border-color: #f3b1aa; background: #fff; }
  button.link { border: none; background: none; padding: 0; color: var(--wa-accent); text-decoration: underline; }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible { outline: 2px solid var(--wa-accent); outline-offset: 1px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 0.4rem 0.4rem; border-bottom: 1px solid #eef1f4; vertical-align: top; }
  th { font-size: 0.8rem; color: #5f6b7a; font-weight: 600; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .badge { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 999px; font-size: 0.75rem; font-weight: 600; background: #eef1f4; }
  .badge.running, .badge.active, .badge.healthy, .badge.approved { background: #e3f9e5; color: #0e7c3a; }
  .badge.paused, .badge.scheduled, .badge.degraded { background: #fff3c4; color: #8d5b00; }
  .badge.failed, .badge.cancelled, .badge.critical, .badge.disabled { background: #fde8e8; color: #b42318; }
  .badge.completed { background: #e0f2fe; color: #075985; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.75rem; margin-bottom: 1rem; }
  .card { border: 1px solid #e4e7eb; border-radius: 8px; padding: 0.75rem; background: #fff; }
  .metric .value { font-size: 1.5rem; font-weight: 700; }
  .metric .label { color: #5f6b7a; font-size: 0.8rem; }
  .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
  .paging { display: flex; align-items: center; justify-content: space-between; margin-top: 0.5rem; }
  a { color: var(--wa-accent); }
`;
