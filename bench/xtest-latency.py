#!/usr/bin/python3
"""Interaction latency of Learn2Add measured from outside the process, as a user sees it.

    bench/xtest-latency.py [--app build/release/app/learn2add] [--cli .../learn2add-cli]
                           [--repeats 100] [--scenarios explore,training,grid,compare]
                           [--out bench/results/xtest-latency.md]

It starts its own X server (Xvfb, 1280x720) and the app on it with --print-widgets, which prints
where the driven widgets are on the screen (their objectName starts with "probe-"). Then, with
XTest (the X server's input injection, as a real mouse), for each sample it injects one input
event and waits until a pixel of the watched widget changes: it sleeps until the X server reports
a drawing over the widget (XDamage), then reads the widget back (XGetImage) and compares; with
--watch poll (or without XDamage) it reads the widget back every 0.3 ms instead, which costs the
app CPU on a 2-core machine. The latency is the time from the injection to the first changed
frame, so it includes the event's delivery, the app's work on its inference thread, the repaint
and the X server's copy. Scenarios:

  explore   the Addition page's explorer: a drag of the addend slider's handle by 20-60 px per
            sample (the shipped AE + P, its judge); the output image (with the judge's caption)
  training  the same while `learn2add-cli train addition` trains in the background (the trainer
            the window's Train tab runs, on the same cores, at the same priority as the app)
  gui-training  the same while the window itself trains the addition model (F5 on the Addition
            page, then back to the Explore tab): its training thread runs at a lower priority
  grid      the digit-by-addend grid tab: a click on Reshuffle; the whole judged grid (10 new
            inputs, 55 cells, each read by the judge) until a band through its middle changes
  compare   the Compare page: a drag of its addend slider; the three models' rows (each with
            its K samples), timed until every row has changed

Needs Xvfb and the X libraries libX11 and libXtst (Debian: xvfb, libxtst6; xdotool pulls the
latter in); libXdamage (libxdamage1) where present. Standard library only (ctypes).
"""

import argparse
import ctypes
import os
import pathlib
import random
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import datetime

ROOT = pathlib.Path(__file__).resolve().parents[1]
XK_F5 = 0xFFC2
SCENARIOS = ("explore", "training", "gui-training", "grid", "compare")
SCREEN = (1280, 720)
ALL_PLANES = ctypes.c_ulong(~0 & 0xFFFFFFFFFFFFFFFF)
Z_PIXMAP = 2
XDAMAGE_REPORT_RAW_RECTANGLES = 0


class XImage(ctypes.Structure):
    pass


DestroyImage = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(XImage))


class XImageFunctions(ctypes.Structure):
    _fields_ = [("create_image", ctypes.c_void_p), ("destroy_image", DestroyImage),
                ("get_pixel", ctypes.c_void_p), ("put_pixel", ctypes.c_void_p),
                ("sub_image", ctypes.c_void_p), ("add_pixel", ctypes.c_void_p)]


XImage._fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                   ("format", ctypes.c_int), ("data", ctypes.c_void_p),
                   ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                   ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                   ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                   ("bits_per_pixel", ctypes.c_int), ("red_mask", ctypes.c_ulong),
                   ("green_mask", ctypes.c_ulong), ("blue_mask", ctypes.c_ulong),
                   ("obdata", ctypes.c_void_p), ("f", XImageFunctions)]


class Screen:
    """The X server seen through Xlib and XTest: inject pointer events, read back pixels."""

    def __init__(self, display_name):
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x11.XGetImage.restype = ctypes.POINTER(XImage)
        self.x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                       ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                                   ctypes.c_int, ctypes.c_ulong]
        self.xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                   ctypes.c_ulong]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                ctypes.c_ulong]
        self.x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.display = self.x11.XOpenDisplay(display_name.encode())
        if not self.display:
            raise RuntimeError(f"cannot open the X display {display_name}")
        self.root = self.x11.XDefaultRootWindow(self.display)
        self.damage_notify = None
        self.event = ctypes.create_string_buffer(192)  # an XEvent (a union of 24 longs)

    def watch_damage(self):
        """Asks the server (XDamage) to report every rectangle drawn on the screen; False where the
        library or the extension is missing."""
        try:
            xdamage = ctypes.CDLL("libXdamage.so.1")
        except OSError:
            return False
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        xdamage.XDamageQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                                  ctypes.POINTER(ctypes.c_int)]
        if not xdamage.XDamageQueryExtension(self.display, ctypes.byref(event_base),
                                             ctypes.byref(error_base)):
            return False
        xdamage.XDamageCreate.restype = ctypes.c_ulong
        xdamage.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
        xdamage.XDamageCreate(self.display, self.root, XDAMAGE_REPORT_RAW_RECTANGLES)
        self.x11.XPending.argtypes = [ctypes.c_void_p]
        self.x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self.x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.damage_notify = event_base.value  # + XDamageNotify, which is 0
        self.x11.XSync(self.display, 0)
        return True

    def damaged(self, timeout_s=0.0):
        """The rectangles (x, y, width, height) drawn since the last call; waits up to timeout_s for
        the first one without using the CPU."""
        if timeout_s > 0 and not self.x11.XPending(self.display):
            select.select([self.x11.XConnectionNumber(self.display)], [], [], timeout_s)
        rects = []
        while self.x11.XPending(self.display):
            self.x11.XNextEvent(self.display, self.event)
            if struct.unpack_from("i", self.event, 0)[0] == self.damage_notify:
                # XDamageNotifyEvent: its area (an XRectangle) lies at byte 64 on LP64.
                rects.append(struct.unpack_from("hhHH", self.event, 64))
        return rects

    def key(self, keysym):
        code = self.x11.XKeysymToKeycode(self.display, ctypes.c_ulong(keysym))
        self.xtst.XTestFakeKeyEvent(self.display, code, 1, 0)
        self.xtst.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x11.XFlush(self.display)

    def click(self, x, y):
        self.move(x, y)
        self.button(True)
        self.button(False)

    def move(self, x, y):
        self.xtst.XTestFakeMotionEvent(self.display, -1, int(x), int(y), 0)
        self.x11.XFlush(self.display)

    def button(self, pressed):
        self.xtst.XTestFakeButtonEvent(self.display, 1, 1 if pressed else 0, 0)
        self.x11.XFlush(self.display)

    def grab(self, rect):
        """The pixels of rect (x, y, width, height) as bytes; a round trip to the server, so every
        event injected before it has been processed."""
        x, y, width, height = rect
        image = self.x11.XGetImage(self.display, self.root, x, y, width, height, ALL_PLANES, Z_PIXMAP)
        if not image:
            raise RuntimeError(f"XGetImage failed for {rect}")
        try:
            return ctypes.string_at(image.contents.data, image.contents.bytes_per_line * height)
        finally:
            image.contents.f.destroy_image(image)


def overlaps(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def wait_for_change(screen, rects, before, timeout_s=2.0):
    """Seconds until every rect differs from `before`, or None on timeout. With XDamage a rect is
    read back only when the server reports a drawing over it (the harness sleeps meanwhile);
    without it every rect is polled back to back."""
    start = time.perf_counter()
    pending = set(range(len(rects)))
    while pending:
        remaining = timeout_s - (time.perf_counter() - start)
        if remaining <= 0:
            return None
        if screen.damage_notify is not None:
            drawn = screen.damaged(remaining)
            candidates = [i for i in pending if any(overlaps(d, rects[i]) for d in drawn)]
        else:
            candidates = list(pending)
        for index in candidates:
            if screen.grab(rects[index]) != before[index]:
                pending.discard(index)
        if pending and screen.damage_notify is None:
            time.sleep(0.0003)  # polling back to back would take a core from the app and Xvfb
    return time.perf_counter() - start


def settle(screen, rects, quiet_s=0.25, timeout_s=10.0):
    """Waits until the rects stay unchanged for quiet_s; returns their pixels."""
    start = time.perf_counter()
    last = [screen.grab(r) for r in rects]
    quiet_since = time.perf_counter()
    while time.perf_counter() - quiet_since < quiet_s and time.perf_counter() - start < timeout_s:
        time.sleep(0.02)
        now = [screen.grab(r) for r in rects]
        if now != last:
            last, quiet_since = now, time.perf_counter()
    if screen.damage_notify is not None:
        screen.x11.XSync(screen.display, 0)
        screen.damaged()  # what was drawn before the sample's event is not its answer
    return last


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def load_average():
    return float(open("/proc/loadavg").read().split()[0])


class App:
    """The app on the harness's X server, with its widget map read from --print-widgets."""

    def __init__(self, app, display, arguments, home):
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", OPENBLAS_NUM_THREADS="1",
                   XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                   XDG_CACHE_HOME=str(home / "cache"))
        self.process = subprocess.Popen(
            [str(app), "-geometry", f"{SCREEN[0]}x{SCREEN[1]}+0+0", "--print-widgets", *arguments],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.widgets, self.handles = {}, {}
        deadline = time.time() + 60
        stdout, pending, done = self.process.stdout.fileno(), b"", False
        while not done and time.time() < deadline:
            # Waits for output at most until the deadline: an app that prints nothing ends here.
            ready, _, _ = select.select([stdout], [], [], max(0.0, deadline - time.time()))
            chunk = os.read(stdout, 4096) if ready else b""
            if not chunk:  # the deadline, or the app ended
                break
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                parts = line.decode(errors="replace").split()
                if parts[:2] == ["widgets", "done"]:
                    done = True
                elif len(parts) == 6 and parts[0] in ("widget", "handle"):
                    rect = tuple(int(v) for v in parts[2:])
                    (self.widgets if parts[0] == "widget" else self.handles)[parts[1]] = rect
        if not self.widgets:
            self.close()
            raise RuntimeError("the app printed no widget map (is it built with --print-widgets?)")

    def rect(self, name):
        """The widget's rectangle, clipped to the screen (a widget may reach past it)."""
        if name not in self.widgets:
            raise RuntimeError(f"the app shows no widget named {name}; it shows {sorted(self.widgets)}")
        x, y, width, height = self.widgets[name]
        left, top = max(0, x), max(0, y)
        right, bottom = min(SCREEN[0], x + width), min(SCREEN[1], y + height)
        if right <= left or bottom <= top:
            raise RuntimeError(f"{name} is off the screen: {self.widgets[name]}")
        return left, top, right - left, bottom - top

    def wait_until_idle(self, timeout_s=180):
        start = time.time()
        while time.time() - start < timeout_s:
            cpu, wall = self.cpu_seconds(), time.perf_counter()
            time.sleep(1.0)
            if (self.cpu_seconds() - cpu) / (time.perf_counter() - wall) < 0.2:
                return
        raise RuntimeError(f"the app stayed busy for {timeout_s} s")

    def cpu_seconds(self):
        """The app's CPU time so far (all its threads), from /proc."""
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def drag_samples(screen, slider, slider_handle, watched, repeats, rng):
    """Presses the slider's handle, then moves it by 20-60 px per sample within the slider, each
    timed until every watched rect changed; releases at the end."""
    hx, hy, hw, hh = slider_handle
    x, y = hx + hw // 2, hy + hh // 2
    reach = slider[0] + slider[2] - hw - x  # the handle's centre stays on the groove
    screen.move(x, y)
    time.sleep(0.05)
    screen.button(True)
    offset, samples, misses = 0, [], 0
    try:
        for _ in range(repeats):
            before = settle(screen, watched, quiet_s=0.15)
            step = rng.randint(20, 60)
            offset = offset + step if offset + step <= reach else offset - step
            start = time.perf_counter()
            screen.move(x + offset, y)
            elapsed = wait_for_change(screen, watched, before)
            if elapsed is None:
                misses += 1
            else:
                samples.append((time.perf_counter() - start) * 1000.0)
    finally:
        screen.button(False)
    return samples, misses


def click_samples(screen, button_rect, watched, repeats):
    bx, by, bw, bh = button_rect
    screen.move(bx + bw // 2, by + bh // 2)
    samples, misses = [], 0
    for _ in range(repeats):
        before = settle(screen, watched, quiet_s=0.2)
        start = time.perf_counter()
        screen.button(True)
        screen.button(False)
        elapsed = wait_for_change(screen, watched, before, timeout_s=5.0)
        if elapsed is None:
            misses += 1
        else:
            samples.append((time.perf_counter() - start) * 1000.0)
    return samples, misses


def row_bands(rects):
    """A band 8 px high through the middle of each rect: where a row's images change, polled
    cheaply (a whole row is ~1,000 x 150 px)."""
    return [(x, y + h // 2 - 4, w, 8) for x, y, w, h in rects]


def run_scenario(name, args, screen, display, home, rng):
    training = None
    if name == "training":
        run_folder = home / "training-run"
        training = subprocess.Popen(
            [str(args.cli), "train", "addition", "--epochs", "50", "--out", str(run_folder), "--force"],
            env=dict(os.environ, OPENBLAS_NUM_THREADS="1"), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        time.sleep(8)  # past loading the data: its batches run
        if training.poll() is not None:
            raise RuntimeError(f"learn2add-cli train addition ended at once (exit {training.returncode})")
    explore = ["--page", "Addition", "--addition-tab", "explore"]
    arguments = {"explore": explore, "training": explore, "gui-training": explore,
                 "grid": ["--page", "Addition", "--addition-tab", "grid"],
                 "compare": ["--page", "Compare"]}[name]
    if args.threads:
        arguments = arguments + ["--threads", str(args.threads)]
    if args.precision:
        arguments = arguments + ["--precision", args.precision]
    app = App(args.app, display, arguments, home)
    try:
        if name != "gui-training":
            # Past the start's own work (the Compare page measures each model's accuracy in the
            # background once): the samples time a move on an otherwise idle app.
            app.wait_until_idle()
        load_before = load_average()
        if name == "gui-training":
            # Focus in the page (a click on the slider's handle), F5 trains from the Train tab,
            # then back to the Explore tab (the first tab) while it trains.
            hx, hy, hw, hh = app.handles["probe-explorer-slider"]
            screen.click(hx + hw // 2, hy + hh // 2)
            time.sleep(0.5)
            screen.key(XK_F5)
            time.sleep(8)  # past the data and the first batches
            tx, ty, tw, th = app.rect("probe-addition-tabs")
            screen.click(tx + 30, ty + th // 2)
            time.sleep(1.0)
            cpu_start, wall_start = app.cpu_seconds(), time.perf_counter()
            time.sleep(3.0)
            cores = (app.cpu_seconds() - cpu_start) / (time.perf_counter() - wall_start)
            print(f"gui-training: the app uses {cores:.2f} cores while it trains", flush=True)
            if cores < 1.0:
                raise RuntimeError(f"the window does not seem to train (the app uses {cores:.2f} cores)")
            load_before = load_average()
        if name in ("explore", "training", "gui-training"):
            watched = [app.rect("probe-explorer-output")]
            samples, misses = drag_samples(screen, app.rect("probe-explorer-slider"),
                                           app.handles["probe-explorer-slider"], watched,
                                           args.repeats, rng)
        elif name == "grid":
            # A band through the middle of the grid (across the cells of its first five or six
            # columns): the grid is one paint event and one flush, so the band changes in the frame
            # the whole grid does, and polling it costs the app's cores far less than grabbing the
            # whole grid (which added about 40 ms at p50 on 2 cores, measured).
            samples, misses = click_samples(screen, app.rect("probe-grid-reshuffle"),
                                            row_bands([app.rect("probe-grid")]),
                                            max(10, args.repeats // 4))
        else:
            rows = [app.rect(f"probe-compare-row-{slot}") for slot in range(3)]
            samples, misses = drag_samples(screen, app.rect("probe-compare-slider"),
                                           app.handles["probe-compare-slider"], row_bands(rows),
                                           args.repeats, rng)
        if training and training.poll() is not None:
            raise RuntimeError("learn2add-cli train addition ended before the samples did")
        return samples, misses, load_before, load_average()
    finally:
        app.close()
        if training and training.poll() is None:
            training.send_signal(signal.SIGTERM)
            try:
                training.wait(timeout=30)
            except subprocess.TimeoutExpired:
                training.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--app", type=pathlib.Path, default=ROOT / "build/release/app/learn2add")
    parser.add_argument("--cli", type=pathlib.Path, default=ROOT / "build/release/app/learn2add-cli")
    parser.add_argument("--repeats", type=int, default=100)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--display", default=":97", help="the display number of the harness's Xvfb")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "bench/results/xtest-latency.md")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--watch", choices=("damage", "poll"), default="damage",
                        help="how a change is seen: the server's XDamage reports, each followed by "
                             "one read-back of the rect it touched (default; the harness sleeps "
                             "between them), or polling the rects back to back with XGetImage "
                             "(every 0.3 ms: the harness and the X server then take CPU from the app)")
    parser.add_argument("--threads", type=int, default=0,
                        help="the app's --threads (LibTorch threads of its inference; default: the app's)")
    parser.add_argument("--precision", choices=("auto", "fp32", "bf16"), default=None,
                        help="the app's --precision (of its views; default: the app's, auto)")
    args = parser.parse_args()
    scenarios = args.scenarios.split(",")
    unknown = [s for s in scenarios if s not in SCENARIOS]
    if unknown:
        parser.error(f"no scenario named {', '.join(unknown)}")
    for tool in (args.app, args.cli):
        if not tool.exists():
            parser.error(f"{tool} does not exist (build first)")
    if not shutil.which("Xvfb"):
        parser.error("needs Xvfb (apt-get install xvfb)")

    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = []
    try:
        time.sleep(1.5)
        screen = Screen(args.display)
        if args.watch == "damage" and not screen.watch_damage():
            print("no XDamage (libXdamage.so.1 or the extension): polling instead", flush=True)
            args.watch = "poll"
        rng = random.Random(args.seed)
        with tempfile.TemporaryDirectory() as home:
            for name in scenarios:
                samples, misses, load_before, load_after = run_scenario(
                    name, args, screen, args.display, pathlib.Path(home), rng)
                row = (name, len(samples), misses,
                       statistics.median(samples) if samples else float("nan"),
                       percentile(samples, 99) if samples else float("nan"),
                       max(samples) if samples else float("nan"), load_before, load_after)
                print(f"{name}: n={row[1]} missed={row[2]} p50={row[3]:.1f} ms p99={row[4]:.1f} ms "
                      f"max={row[5]:.1f} ms load {load_before:.2f} -> {load_after:.2f}", flush=True)
                rows.append(row)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), "?")
    what = {"explore": "explorer: slider drag -> output image",
            "training": "explorer while `learn2add-cli train addition` runs",
            "gui-training": "explorer while the window trains the addition model (F5)",
            "grid": "grid tab: Reshuffle click -> whole judged grid",
            "compare": "Compare: slider drag -> all 3 model rows"}
    lines = ["# Interaction latency from outside the process (XTest)", "",
             f"{datetime.date.today()}, {cpu}, {os.cpu_count()} cores; Xvfb 1280x720, the app's "
             "defaults (shipped models and judge), OpenBLAS pinned to 1 thread; the views' "
             f"precision {args.precision or 'auto (the default)'}"
             f"{f', --threads {args.threads}' if args.threads else ''}. Command: "
             f"`bench/xtest-latency.py{' ' + ' '.join(sys.argv[1:]) if sys.argv[1:] else ''}`. Each sample: one XTest event injected, then the watched "
             "widget's pixels read back with XGetImage until they change ("
             f"{'each time the X server reports a drawing over them (XDamage)' if args.watch == 'damage' else 'polled back to back'}"
             "; ms from the injection to the first changed frame; a miss: no change within 2 s, 5 s "
             "for the grid).", "",
             "| scenario | samples | missed | p50 ms | p99 ms | max ms | load before / after |",
             "|---|---|---|---|---|---|---|"]
    for name, count, misses, p50, p99, worst, before, after in rows:
        lines.append(f"| {what[name]} | {count} | {misses} | {p50:.1f} | {p99:.1f} | {worst:.1f} | "
                     f"{before:.2f} / {after:.2f} |")
    args.out.write_text("\n".join(lines) + "\n")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
