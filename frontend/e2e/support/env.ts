/** The server under test and its mail directory, checked once. */
export const BEACON_URL = (process.env.BEACON_URL ?? '').replace(/\/+$/, '');
export const MAIL_DIR = process.env.BEACON_MAIL_DIR ?? '';

if (!/^https?:\/\/[^/]+$/.test(BEACON_URL)) {
  throw new Error('e2e: set BEACON_URL to the server origin, e.g. BEACON_URL=http://127.0.0.1:8080');
}
if (!MAIL_DIR) {
  throw new Error('e2e: set BEACON_MAIL_DIR to the directory the server writes .eml files to (DATA_DIR/mail)');
}

/** The two widths every page is checked at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** A short unique id for this run's accounts and organizations. */
export const RUN_ID = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
