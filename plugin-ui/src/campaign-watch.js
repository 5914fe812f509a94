import { progressFromCampaign, progressFromEvent } from './lib/campaign-progress.js';

const POLL_MS = 2000;

/**
 * Follows one campaign's progress: the server's progress stream (`GET /campaigns/{id}/progress`,
 * server-sent events named `progress`) when it answers, else polling `GET /campaigns/{id}`.
 * EventSource cannot send headers, so the token goes as `?access_token=`. A stream that closes
 * without a single event (404 from a server without it, 401, a proxy that buffers) means polling.
 * `onProgress` gets `{status, total, done, percent, counts, ...}`; `onError` gets a polling failure.
 */
export class CampaignWatch {
  #element;
  #id;
  #onProgress;
  #onError;
  #source = null;
  #timer = null;
  #stopped = false;

  /** `element`: the WaElement whose streamUrl() and request() are used. */
  constructor(element, id, { onProgress, onError }) {
    this.#element = element;
    this.#id = id;
    this.#onProgress = onProgress;
    this.#onError = onError;
  }

  /** Which way progress arrives now: "stream", "polling" or "stopped", for display and tests. */
  mode = 'stopped';

  async start() {
    this.#stopped = false;
    const url = await this.#element.streamUrl(`campaigns/${encodeURIComponent(this.#id)}/progress`);
    if (this.#stopped) return;
    if (typeof EventSource !== 'function') {
      this.#poll();
      return;
    }
    const source = new EventSource(url);
    let heard = false;
    this.#source = source;
    this.mode = 'stream';
    source.addEventListener('progress', (event) => {
      heard = true;
      try {
        this.#onProgress(progressFromEvent(JSON.parse(event.data)));
      } catch (error) {
        this.#onError(error);
      }
    });
    source.onerror = () => {
      // CLOSED: the server refused the stream (the browser will not retry); never heard: treat as absent.
      if (source.readyState === EventSource.CLOSED || !heard) {
        source.close();
        if (this.#source === source) this.#source = null;
        if (!this.#stopped) this.#poll();
      }
    };
  }

  stop() {
    this.#stopped = true;
    this.mode = 'stopped';
    this.#source?.close();
    this.#source = null;
    clearTimeout(this.#timer);
  }

  #poll() {
    this.mode = 'polling';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(async () => {
      if (this.#stopped) return;
      try {
        const campaign = await this.#element.request('GET', `campaigns/${encodeURIComponent(this.#id)}`);
        if (!this.#stopped) this.#onProgress(progressFromCampaign(campaign), campaign);
      } catch (error) {
        this.#onError(error);
      }
      if (!this.#stopped) this.#poll();
    }, POLL_MS);
  }
}
