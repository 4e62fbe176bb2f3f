"""Types text into Galley's window the way a keyboard does: X key events from
the X server (XTest), one key every INTERVAL milliseconds, with nothing else
talking to the app meanwhile. Used by the end-to-end timing tests, so the
figures are not those of WebDriver's own key events and polling.

usage: type_keys.py WINDOW_NAME TEXT INTERVAL_MS   (DISPLAY names the display)
Only letters, digits and spaces: enough for the timing tests."""
import sys
import time
from Xlib import X, XK, display
from Xlib.ext import xtest

name, text, interval = sys.argv[1], sys.argv[2], float(sys.argv[3]) / 1000.0
d = display.Display()


def windows(w):
    yield w
    for child in w.query_tree().children:
        yield from windows(child)


def find(name):
    for w in windows(d.screen().root):
        try:
            if w.get_wm_name() == name and w.get_attributes().map_state == X.IsViewable:
                return w
        except Exception:
            continue
    return None


window = find(name)
if window is None:
    sys.exit(f"no viewable window named {name}")
# Xvfb has no window manager: give the window the keyboard ourselves.
window.set_input_focus(X.RevertToParent, X.CurrentTime)
d.sync()
time.sleep(0.2)

codes = {}
for ch in set(text):
    keysym = XK.string_to_keysym("space" if ch == " " else ch)
    code = d.keysym_to_keycode(keysym)
    if code == 0:
        sys.exit(f"no key for {ch!r}")
    codes[ch] = code

next_at = time.monotonic()
for ch in text:
    xtest.fake_input(d, X.KeyPress, codes[ch])
    xtest.fake_input(d, X.KeyRelease, codes[ch])
    d.flush()
    next_at += interval
    time.sleep(max(0.0, next_at - time.monotonic()))
d.sync()
