import { css } from 'lit';

export const leadPanelStyles = css`
  .panel {
    border: 1px solid #d8dee4;
    border-radius: 8px;
    background: #fff;
    padding: 0.75rem 1rem 1rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    border-bottom: 1px solid #eef1f4;
    padding-bottom: 0.5rem;
  }
  h2 {
    margin: 0;
    font-size: 1rem;
    color: var(--wa-accent);
  }
  .who { margin: 0; }
  .name { font-weight: 600; }
  .phone, .local, .hint { color: #5f6b7a; }
  .local { font-size: 0.85em; }

  .composer { margin: 0.75rem 0; }
  label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 4.5rem;
    resize: vertical;
    padding: 0.5rem;
    font: inherit;
    border: 1px solid #b8c2cc;
    border-radius: 6px;
  }
  textarea:focus-visible, button:focus-visible {
    outline: 2px solid var(--wa-accent);
    outline-offset: 1px;
  }
  textarea[aria-invalid='true'] { border-color: var(--wa-danger); }
  .row {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-top: 0.35rem;
    font-size: 0.85em;
  }
  .counter { margin-left: auto; font-variant-numeric: tabular-nums; color: #5f6b7a; }
  .counter.over { color: var(--wa-danger); font-weight: 600; }
  button.send {
    font: inherit;
    font-weight: 600;
    padding: 0.35rem 1rem;
    border: none;
    border-radius: 6px;
    background: var(--wa-accent);
    color: #fff;
    cursor: pointer;
  }
  button.send:disabled { background: #9fb8b4; cursor: not-allowed; }
  .attach { margin-top: 0.4rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.6rem; font-size: 0.9em; }
  .attach .wa-error { flex-basis: 100%; }
  .attached { margin: 0; display: flex; align-items: center; gap: 0.4rem; }
  button.link { font: inherit; background: none; border: none; padding: 0; color: var(--wa-accent); text-decoration: underline; cursor: pointer; }
  .msg .kind { margin: 0 0 0.15rem; font-size: 0.8em; color: #5f6b7a; }
  button.older {
    font: inherit;
    margin-top: 0.5rem;
    padding: 0.3rem 0.8rem;
    border: 1px solid #b8c2cc;
    border-radius: 6px;
    background: #f6f8fa;
    cursor: pointer;
  }

  .timeline {
    list-style: none;
    margin: 0;
    padding: 0.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    background: #efeae2;
    border-radius: 6px;
    max-height: var(--wa-history-height, 28rem);
    overflow-y: auto;
  }
  .msg { display: flex; }
  .msg.outbound { justify-content: flex-end; }
  .bubble {
    max-width: 80%;
    padding: 0.4rem 0.6rem;
    border-radius: 8px;
    background: #fff;
    box-shadow: 0 1px 0.5px rgba(0, 0, 0, 0.13);
  }
  .outbound .bubble { background: #d9fdd3; }
  .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .meta {
    display: flex;
    justify-content: flex-end;
    align-items: center;
    gap: 0.35rem;
    margin-top: 0.15rem;
    font-size: 0.75em;
    color: #667781;
  }
  .tick { font-weight: 700; letter-spacing: -0.2em; padding-right: 0.2em; }
  .tick.read { color: var(--wa-read); }
  .tick.failed { color: var(--wa-danger); letter-spacing: 0; }
  .why { margin: 0.25rem 0 0; font-size: 0.8em; color: var(--wa-danger); }
  .origin { margin: 0 0 0.2rem; display: flex; flex-wrap: wrap; gap: 0.25rem; }
  .tag { font-size: 0.72em; padding: 0 0.35rem; border-radius: 999px; background: rgba(18, 140, 126, 0.12); color: #0b5e55; }
  .consent { font-size: 0.8em; padding: 0.05rem 0.5rem; border-radius: 999px; background: #fde2e1; color: var(--wa-danger); font-weight: 600; }
  .modes { display: flex; gap: 1rem; border: none; padding: 0; margin: 0 0 0.5rem; }
  .modes label { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 600; margin: 0; }
  .modes label.disabled { color: #9aa5b1; }
  .template-compose { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 20rem); gap: 0.75rem; align-items: start; }
  @media (max-width: 40rem) { .template-compose { grid-template-columns: 1fr; } }
  .empty { color: #5f6b7a; font-style: italic; padding: 0.5rem; }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
