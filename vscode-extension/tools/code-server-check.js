// Headless check: code-server (VS Code 1.100 from npm) with the adc extension installed from the .vsix;
// opens a .adc file in headless Chromium and reports activation, the language server and its diagnostics.
const puppeteer = require('puppeteer-core');
const url = process.argv[2], file = process.argv[3], shot = process.argv[4] || 'screenshot.png';
(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
  // open the file from the explorer (retrying: the workbench may still be restoring under load)
  let opened = false;
  for (let i = 0; i < 60 && !opened; i++) {
    await new Promise(r => setTimeout(r, 2000));
    const rows = await page.$$('.explorer-folders-view .monaco-list-row');
    for (const row of rows) {
      if ((await row.evaluate(e => e.textContent)).includes(file)) {
        await row.click();
        break;
      }
    }
    await new Promise(r => setTimeout(r, 1000));
    opened = await page.$$eval('.editor-instance .view-line', (els, f) => els.length > 0, file).catch(() => false)
      && await page.$$eval('.tab', (els, f) => els.some(e => e.textContent.includes(f)), file);
  }
  console.log('opened ' + file + ': ' + opened);
  let squiggles = 0;
  let status = '';
  for (let i = 0; i < 60 && squiggles === 0; i++) {
    await new Promise(r => setTimeout(r, 2000));
    squiggles = await page.$$eval('.squiggly-error', els => els.length);
  }
  status = await page.$$eval('.statusbar-item', els => els.map(e => e.getAttribute('aria-label') || e.textContent).join(' | '));
  console.log('error squiggles in the editor: ' + squiggles);
  console.log('status bar: ' + status.replace(/\s+/g, ' ').slice(0, 600));
  // hover over "arrhenius" on line 5
  const lines = await page.$$('.view-line');
  for (const l of lines) {
    const t = await l.evaluate(e => e.textContent);
    if (t.includes('arrhenius')) {
      const spans = await l.$$('span span');
      for (const s of spans) {
        if ((await s.evaluate(e => e.textContent)).includes('arrhenius')) {
          const b = await s.boundingBox();
          await page.mouse.move(b.x + 5, b.y + b.height / 2);
          break;
        }
      }
      break;
    }
  }
  let hover = '';
  for (let i = 0; i < 15 && !hover; i++) {
    await new Promise(r => setTimeout(r, 1000));
    hover = await page.$$eval('.monaco-hover-content', els => els.map(e => e.textContent).join('\n'));
  }
  console.log('hover over arrhenius: ' + hover.replace(/\s+/g, ' ').slice(0, 300));
  if (squiggles === 0 || !hover.includes('arrhenius(')) {
    process.exitCode = 1;
  }
  await page.screenshot({ path: shot });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
