import { css } from 'lit';

/** The builder's own look: step buttons, fieldsets, the audience count, the message preview bubble. */
export const builderStyles = css`
  ol.steps { display: flex; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 1rem; counter-reset: step; flex-wrap: wrap; }
  ol.steps li { flex: 1; min-width: 8rem; }
  ol.steps button { width: 100%; text-align: left; border-radius: 6px; }
  ol.steps [aria-current='step'] { background: var(--wa-accent); color: #fff; border-color: var(--wa-accent); }
  fieldset { border: 1px solid #e4e7eb; border-radius: 8px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem 0.75rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .nav { display: flex; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
  .nav .left { margin-right: auto; }
  .preview .count { font-size: 1.3rem; }
  .sample { margin: 0.25rem 0 0; padding-left: 1.2rem; }
  .message-grid { display: grid; grid-template-columns: 1fr minmax(14rem, 18rem); gap: 1rem; align-items: start; margin-top: 0.5rem; }
  @media (max-width: 44rem) { .message-grid { grid-template-columns: 1fr; } }
  .binding { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
  .bubble { background: #dcf8c6; border-radius: 8px; padding: 0.5rem 0.75rem; box-shadow: 0 1px 1px rgba(0,0,0,0.12); }
  .bubble p { margin: 0.25rem 0; white-space: pre-wrap; }
  .wa-button { border-top: 1px solid #b5d9a5; text-align: center; color: #027eb5; padding-top: 0.3rem; margin-top: 0.3rem; }
  h3:focus { outline: none; }
  dl.review { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
  dl.review dt { color: #5f6b7a; }
  dl.review dd { margin: 0; }
`;
