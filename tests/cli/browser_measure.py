#!/usr/bin/env python3
"""browser_measure.py - lays out an HTML report in headless Chromium at
a given window width and prints what its layout measures.

Usage: browser_measure.py [--print] CHROMIUM URL WIDTH HEIGHT [SHOT.png]

Chromium is driven through the DevTools protocol over
--remote-debugging-pipe (fd 3 to the browser, fd 4 from it, JSON
messages ended by a NUL byte), with only Python's standard library.
Runtime.evaluate runs in the page's world but is not script of the page,
so the report's Content-Security-Policy (no script) stays as it is.

Prints one "key value" line per measure (see MEASURE below); with SHOT,
writes a screenshot of the whole page (at most 8000 px high) as PNG.
With --print the page is laid out with its print stylesheet (WIDTH is
then the printed width: 703 px is A4 with 12 mm margins).
Exit 0 when measured, 2 on bad usage, 3 when Chromium fails or times
out.
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 90  # seconds for the whole session

# What is measured, in the page. Every element that reaches past the
# window's right edge and is not inside a box that scrolls or clips is an
# "offender": the page itself would scroll sideways.
MEASURE = r"""
(() => {
  const W = window.innerWidth;
  const de = document.documentElement;
  const clipped = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip')
        return true;
    }
    return false;
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > W + 0.5 && !clipped(el))
      offenders.push(el.tagName.toLowerCase() +
        (el.className && typeof el.className === 'string'
          ? '.' + el.className.split(' ').join('.') : '') +
        '@' + Math.round(r.right));
  }
  const boxes = [...document.querySelectorAll('table.ranking')]
    .map((t) => t.parentElement);
  const overflow = boxes.map((b) => b.scrollWidth - b.clientWidth);
  // Sticky name column: scrolled to its end, each box still shows the
  // first row's unit name inside its own left and right edges.
  let sticky = 1;
  for (const b of boxes) {
    if (b.scrollWidth <= b.clientWidth)
      continue;
    b.scrollLeft = b.scrollWidth;
    const box = b.getBoundingClientRect();
    const name = b.querySelector('tbody td.name');
    const r = name ? name.getBoundingClientRect() : null;
    if (!r || r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
        b.scrollLeft === 0)
      sticky = 0;
    b.scrollLeft = 0;
  }
  const header = document.querySelector('body > header');
  const hr = header ? header.getBoundingClientRect() : null;
  const heads = [...document.querySelectorAll('table.ranking')]
    .slice(0, 1)
    .flatMap((t) => [...t.querySelectorAll('thead th')])
    .map((th) => {
      const a = th.querySelector('abbr[title]');
      return th.innerText.replace(/\s+/g, ' ').trim() +
        (a ? ' [' + a.title + ']' : '');
    });
  return {
    inner_width: W,
    page_width: Math.max(de.scrollWidth, document.body.scrollWidth),
    offenders: offenders.length,
    first_offenders: offenders.slice(0, 5).join(' ') || '-',
    ranking_tables: boxes.length,
    ranking_overflow: overflow.length ? Math.max(...overflow) : 0,
    ranking_width: boxes.length
      ? Math.round(boxes[0].firstElementChild.getBoundingClientRect().width)
      : 0,
    sticky_name: sticky,
    header_right: hr ? Math.round(hr.right) : -1,
    header_overflow: header ? header.scrollWidth - header.clientWidth : -1,
    headers: heads.join(' | '),
  };
})()
"""


class Browser:
    """One Chromium over the DevTools pipe."""

    def __init__(self, chromium, profile):
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()

        def child_fds():
            # Copies above 9 first: dup2 onto the same number would keep
            # the close-on-exec flag.
            a = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [chromium, '--headless', '--no-sandbox', '--disable-gpu',
                '--disable-dev-shm-usage', '--disable-background-networking',
                '--disable-component-update', '--disable-sync',
                '--no-first-run', '--hide-scrollbars',
                '--user-data-dir=' + profile, '--remote-debugging-pipe',
                'about:blank']
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL,
                                     close_fds=False, preexec_fn=child_fds)
        os.close(to_r)
        os.close(from_w)
        self.buf = b''
        self.next_id = 0
        self.events = []
        self.deadline = time.monotonic() + TIMEOUT

    def _read_message(self):
        while b'\0' not in self.buf:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError('timed out')
            ready, _, _ = select.select([self.from_r], [], [], left)
            if not ready:
                raise RuntimeError('timed out')
            chunk = os.read(self.from_r, 1 << 16)
            if not chunk:
                raise RuntimeError('chromium closed the pipe')
            self.buf += chunk
        msg, self.buf = self.buf.split(b'\0', 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        """Sends a command; returns its result (events met are kept)."""
        self.next_id += 1
        msg = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session:
            msg['sessionId'] = session
        data = json.dumps(msg).encode() + b'\0'
        while data:
            data = data[os.write(self.to_w, data):]
        while True:
            m = self._read_message()
            if m.get('id') == self.next_id:
                if 'error' in m:
                    raise RuntimeError('%s: %s' % (method, m['error']))
                return m.get('result', {})
            if 'method' in m:
                self.events.append(m)

    def wait_event(self, method):
        """Waits for an event (or finds it among those kept)."""
        while True:
            for k, m in enumerate(self.events):
                if m['method'] == method:
                    del self.events[k]
                    return m
            self.events.append(self._read_message())
            self.events = [m for m in self.events if 'method' in m]

    def close(self):
        try:
            self.call('Browser.close')
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_w)
        os.close(self.from_r)


def measure(chromium, url, width, height, shot, profile, media):
    b = Browser(chromium, profile)
    try:
        targets = b.call('Target.getTargets')['targetInfos']
        page = next(t for t in targets if t['type'] == 'page')
        s = b.call('Target.attachToTarget',
                   {'targetId': page['targetId'], 'flatten': True})
        s = s['sessionId']
        b.call('Emulation.setDeviceMetricsOverride',
               {'width': width, 'height': height, 'deviceScaleFactor': 1,
                'mobile': False}, s)
        if media:
            b.call('Emulation.setEmulatedMedia', {'media': media}, s)
        b.call('Page.enable', session=s)
        b.call('Page.navigate', {'url': url}, s)
        b.wait_event('Page.loadEventFired')
        r = b.call('Runtime.evaluate',
                   {'expression': MEASURE, 'returnByValue': True}, s)
        if 'exceptionDetails' in r:
            raise RuntimeError('measure: %s' % r['exceptionDetails'])
        values = r['result']['value']
        if shot:
            size = b.call('Page.getLayoutMetrics', session=s)
            size = size.get('cssContentSize', size.get('contentSize'))
            clip = {'x': 0, 'y': 0, 'width': width,
                    'height': min(max(size['height'], height), 8000),
                    'scale': 1}
            png = b.call('Page.captureScreenshot',
                         {'format': 'png', 'clip': clip,
                          'captureBeyondViewport': True}, s)
            with open(shot, 'wb') as f:
                f.write(base64.b64decode(png['data']))
    finally:
        b.close()
    return values


def main(argv):
    media = None
    if len(argv) > 1 and argv[1] == '--print':
        media = 'print'
        argv = argv[:1] + argv[2:]
    if len(argv) not in (5, 6):
        sys.stderr.write(__doc__)
        return 2
    chromium, url = argv[1], argv[2]
    width, height = int(argv[3]), int(argv[4])
    shot = argv[5] if len(argv) == 6 else None
    profile = tempfile.mkdtemp(prefix='chiso-measure.')
    try:
        values = measure(chromium, url, width, height, shot, profile,
                         media)
    except (RuntimeError, OSError, StopIteration, KeyError) as e:
        sys.stderr.write('browser_measure.py: %s\n' % e)
        return 3
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for k, v in values.items():
        print(k, v)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
