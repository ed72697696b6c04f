/**
 * The markup of the store's pictures (our own, drawn around the extension's real screenshots), and
 * a look for the fixture page they show, so that it reads as the site (our CSS, no site's assets).
 */

/** Per site: a stylesheet added to its fixture page for the store's picture only. */
export const SITE_LOOK = {
  x: `
    body { font: 15px/1.35 system-ui, sans-serif; color: #0f1419; background: #fff; }
    header[role=banner] { position: fixed; top: 0; left: max(16px, calc(50% - 520px)); width: 200px; padding: 12px 0;
      display: flex; flex-direction: column; gap: 4px; }
    header[role=banner]::before { content: "𝕏"; font-size: 30px; font-weight: 700; padding: 4px 12px 8px; }
    header nav { display: flex; flex-direction: column; gap: 4px; }
    header nav a { color: #0f1419; text-decoration: none; font-size: 19px; padding: 10px 12px; border-radius: 999px; }
    header nav a:first-child { font-weight: 700; }
    header button { border: 0; background: none; font: inherit; font-size: 14px; text-align: start; margin-top: 24px; padding: 10px 12px; }
    main { border-inline: 1px solid #eff3f4; min-height: 100vh; }
    main a { color: inherit; text-decoration: none; }
    [data-testid=User-Name], [data-testid=User-Name] * { display: inline; }
    [data-testid=User-Name] > div:first-child span { font-weight: 700; margin-inline-end: 4px; color: #0f1419; }
    main button { border: 0; background: none; font: inherit; color: #536471; padding: 0; }
    [data-testid=User-Name] [dir=ltr] span, time { color: #536471; }
    [data-testid=cellInnerDiv] { padding: 12px 16px !important; border-bottom: 1px solid #eff3f4 !important; }
    [data-testid=Tweet-User-Avatar] { width: 40px; height: 40px; border-radius: 50%; background: #cfd9de; float: left; margin-inline-end: 12px; }
    [data-testid=Tweet-User-Avatar] img, header img { display: none; }
    [data-testid=tweetText] { margin: 2px 0 8px 52px; }
    article button:not([data-testid=tweetButtonInline]) { display: none; }
    [data-testid=tweetTextarea_0] { border: 0 !important; border-bottom: 1px solid #eff3f4 !important; color: #536471; }
    [data-testid=tweetButtonInline] { background: #0f1419; color: #fff; border: 0; border-radius: 999px; padding: 6px 16px;
      font-weight: 700; }
  `,
};

const BASE = `
  * { box-sizing: border-box; }
  body { margin: 0; font-family: system-ui, sans-serif; }
`;

/** The 1280 x 800 screenshots around the extension's real pictures (data: URLs). */
export const STORE_FRAME = {
  /** A browser window: its toolbar with our icon, the site's page, and the popup open under the icon. */
  pageAndPopup: ({ site, popup, icon }: { site: string; popup: string; icon: string }) => `<!doctype html>
<html><head><style>${BASE}
  .toolbar { height: 40px; background: #e8eaed; display: flex; align-items: center; gap: 12px; padding: 0 12px; }
  .address { flex: 1; height: 28px; border-radius: 14px; background: #fff; color: #3c4043; font-size: 14px;
    display: flex; align-items: center; padding: 0 14px; }
  .action { width: 32px; height: 32px; border-radius: 50%; background: #d3d6db; display: grid; place-items: center; }
  .action img { width: 20px; height: 20px; }
  .site { display: block; width: 1280px; height: 760px; }
  .popup { position: absolute; top: 44px; right: 16px; width: 400px; height: 600px; border-radius: 8px;
    box-shadow: 0 8px 28px rgba(0, 0, 0, .28), 0 0 0 1px rgba(0, 0, 0, .08); }
</style></head><body>
  <div class="toolbar"><div class="address">x.com/brightloop/status/1950000000000000001</div>
  <div class="action"><img alt="" src="${icon}"></div></div>
  <img class="site" alt="" src="${site}">
  <img class="popup" alt="" src="${popup}">
</body></html>`,

  /** The popup's views side by side, each under its caption, on the brand's colour. */
  views: (views: { caption: string; png: string }[]) => `<!doctype html>
<html><head><style>${BASE}
  body { width: 1280px; height: 800px; background: linear-gradient(160deg, #c2410c, #7c2d12); color: #fff;
    display: flex; flex-direction: column; align-items: center; }
  h1 { font-size: 34px; margin: 36px 0 8px; }
  .row { display: flex; align-items: flex-start; gap: 24px; margin-top: 16px; }
  figure { margin: 0; width: 400px; }
  figcaption { font-size: 17px; font-weight: 600; text-align: center; margin-bottom: 10px; }
  figure img { display: block; width: 400px; height: 600px; border-radius: 10px; box-shadow: 0 10px 30px rgba(0, 0, 0, .35); }
</style></head><body>
  <h1>Never leave a comment unanswered</h1>
  <div class="row">${views.map((v) => `<figure><figcaption>${v.caption}</figcaption><img alt="" src="${v.png}"></figure>`).join('')}</div>
</body></html>`,
};

/** The store's small promo tile (440 x 280): the icon, the name and one line. */
export const tile = (icon: string) => `<!doctype html>
<html><head><style>${BASE}
  body { width: 440px; height: 280px; overflow: hidden; background: linear-gradient(150deg, #fff7ed, #fed7aa); color: #431407;
    display: flex; align-items: center; gap: 20px; padding: 0 32px; }
  img { width: 128px; height: 128px; flex: none; }
  h1 { font-size: 40px; margin: 0 0 8px; letter-spacing: -0.01em; color: #9a3412; }
  p { font-size: 19px; line-height: 1.3; margin: 0; max-width: 210px; }
</style></head><body>
  <img alt="" src="${icon}">
  <div><h1>Replyline</h1><p>Never leave a comment unanswered.</p></div>
</body></html>`;
