// npm run demo: Replyline working on fixture pages served at x.com, www.youtube.com and www.tiktok.com, with no
// account and no network, each page dressed in its site's look (test/demo/*.css). With a display
// it opens a real browser window and waits until you close it; without one it runs headless,
// prints what it saw and saves screenshots.
import { loadHarness } from './e2e/load-harness.mjs';

const { launch, addSnippet, setHandle, badges } = await loadHarness();

const headless = !process.env.DISPLAY;
// The welcome page Replyline opens on install stays open, as a newcomer sees it.
const session = await launch({ headless, keepWelcome: true, siteLook: true });
await addSnippet(session, 'Thanks', 'Thanks {first_name}! {cursor}');
await addSnippet(session, 'Coming soon', 'Hi {name}, it is on our list for next month.\nStay tuned!');
await setHandle(session, 'youtube', 'brightloop');
await setHandle(session, 'tiktok', 'brightloop');

const x = await session.context.newPage();
await x.goto('https://x.com/brightloop/status/1950000000000000001');
const youtube = await session.context.newPage();
await youtube.goto('https://www.youtube.com/watch?v=Qm7tLp2vX9c');
const tiktok = await session.context.newPage();
await tiktok.goto('https://www.tiktok.com/@brightloop/video/7440000000000000001');
await x.waitForTimeout(1500);
console.log('X badges:', await badges(x));
console.log('YouTube badges:', await badges(youtube));
console.log('TikTok badges:', await badges(tiktok));
console.log('Toolbar count:', await session.badgeText());
const popup = await session.extensionPage('popup');

if (headless) {
  await x.screenshot({ path: 'test/.artifacts/demo-x.png' });
  await youtube.screenshot({ path: 'test/.artifacts/demo-youtube.png', fullPage: true });
  await tiktok.screenshot({ path: 'test/.artifacts/demo-tiktok.png' });
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: 'test/.artifacts/demo-popup.png' });
  await session.welcome.screenshot({ path: 'test/.artifacts/demo-welcome.png' });
  console.log(
    'No display: screenshots saved in test/.artifacts/ (demo-x.png, demo-youtube.png, demo-tiktok.png, demo-popup.png, demo-welcome.png).',
  );
  await session.close();
}
else {
  console.log(
    'The popup is open in a tab; try a badge menu on the X, YouTube or TikTok tab. Close the browser to end.',
  );
  await new Promise((resolve) => session.context.on('close', resolve));
}
