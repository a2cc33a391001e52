import { chromium } from 'playwright-core';
const [url, out, ...rest] = process.argv.slice(2);
const b = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const p = await b.newPage({
  viewport: { width: Number(process.env.W ?? 1280), height: Number(process.env.H ?? 800) },
  colorScheme: process.env.DARK ? 'dark' : 'light',
  reducedMotion: 'reduce',
});
p.on('pageerror', (e) => console.log('pageerror', e.message));
p.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
await p.goto(url);
await p.waitForSelector('svg.graph g.node');
for (const a of rest) {
  if (a.startsWith('ex=')) await p.getByLabel('Examples').selectOption(a.slice(3));
  else if (a.startsWith('key=')) await p.keyboard.press(a.slice(4));
  else if (a.startsWith('type=')) {
    const t = p.getByRole('textbox', { name: 'Expression' });
    await t.fill(a.slice(5));
  } else if (a.startsWith('click=')) await p.getByRole('button', { name: a.slice(6) }).click();
  else if (a.startsWith('wait=')) await p.waitForTimeout(Number(a.slice(5)));
}
await p.waitForTimeout(400);
await p.screenshot({ path: out, fullPage: !!process.env.FULL });
await b.close();
