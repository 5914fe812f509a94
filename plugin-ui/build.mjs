// Bundles the custom elements into self-contained ES modules under target/classes/META-INF/resources/ui,
// which the WAR serves as /whatsapp/ui/<element>.js. Lit and the base element go to a shared chunk
// once there is more than one element.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

/** One entry per custom element: the file name is the URL a host imports. */
const ELEMENTS = [
  'wa-lead-panel',
  // lead.list.bulk-action, nav.templates, customer.detail.card
  'wa-bulk-send',
  'wa-template-manager',
  'wa-customer-card',
  // nav.campaigns (and its parts, each mountable alone), nav.analytics, admin.settings
  'wa-campaigns',
  'wa-campaign-list',
  'wa-campaign-builder',
  'wa-campaign-detail',
  'wa-analytics-dashboard',
  'wa-sender-numbers',
];
const OUTDIR = 'target/classes/META-INF/resources/ui';

await rm(OUTDIR, { recursive: true, force: true });
const result = await build({
  entryPoints: ELEMENTS.map((name) => `src/${name}.js`),
  outdir: OUTDIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'eof',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.map')) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KiB`);
}
