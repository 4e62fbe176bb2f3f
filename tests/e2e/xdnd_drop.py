"""Drags files onto Galley's window the way a file manager does, over the X
drag-and-drop protocol (XDND, freedesktop.org): for the end-to-end tests, which
run under Xvfb where there is no file manager.

    xdnd_drop.py WINDOW_NAME X Y URI...

X, Y: the drop point in the window's own pixels. The drag enters the window at
its top left corner, moves to the point in a few steps (waiting for the
target's XdndStatus after each, as the protocol asks), prints
"over accepted=0|1" and waits for a line on stdin: "drop" drops, anything else
leaves. Like a real drag source it drops only if the target accepted the last
position (else it sends XdndLeave and exits 3). The files are offered as
`text/uri-list` through the XdndSelection, answered when the target asks.
Prints "finished accepted=0|1" when the target says it is done.
"""
import signal
import sys
from Xlib import X, Xatom, display, protocol

XDND_VERSION = 5
STEPS = 6
# A target that never answers must not hang the test run: give up after this.
GIVE_UP_S = 60

d = display.Display()
root = d.screen().root


def atom(name):
    return d.intern_atom(name)


A = {n: atom(n) for n in ["XdndAware", "XdndProxy", "XdndEnter", "XdndPosition", "XdndStatus", "XdndLeave",
                          "XdndDrop", "XdndFinished", "XdndSelection", "XdndActionCopy", "XdndTypeList",
                          "text/uri-list", "TARGETS", "_GALLEY_TIME"]}


def windows(w):
    yield w
    for child in w.query_tree().children:
        yield from windows(child)


def find_target(name):
    """The named toplevel that speaks XDND, and the window its messages go to."""
    for w in windows(root):
        try:
            if w.get_wm_name() != name:
                continue
            aware = w.get_full_property(A["XdndAware"], Xatom.ATOM)
        except Exception:
            continue
        if aware is None:
            continue
        proxy = w.get_full_property(A["XdndProxy"], Xatom.WINDOW)
        to = d.create_resource_object("window", proxy.value[0]) if proxy else w
        return w, to, aware.value[0]
    return None, None, None


def server_time(w):
    """A real server timestamp (the selection and XDND messages need one)."""
    w.change_property(A["_GALLEY_TIME"], Xatom.STRING, 8, b"")
    d.flush()
    while True:
        e = d.next_event()
        if e.type == X.PropertyNotify and e.window == w:
            return e.time


def main():
    signal.alarm(GIVE_UP_S)
    name, x, y, uris = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    window, to, version = find_target(name)
    if window is None:
        print(f"no XDND-aware window named {name!r}", flush=True)
        return 2
    payload = "".join(f"{u}\r\n" for u in uris).encode()
    source = root.create_window(-100, -100, 1, 1, 0, X.CopyFromParent,
                                event_mask=X.PropertyChangeMask | X.StructureNotifyMask)
    time = server_time(source)
    source.set_selection_owner(A["XdndSelection"], time)
    source.change_property(A["XdndTypeList"], Xatom.ATOM, 32, [A["text/uri-list"]])
    version = min(version, XDND_VERSION)

    def send(kind, *data):
        values = [source.id, *data] + [0] * (4 - len(data))
        event = protocol.event.ClientMessage(window=window, client_type=A[kind], data=(32, values))
        to.send_event(event, event_mask=X.NoEventMask)
        d.flush()

    def answer(request):
        """Gives the target the files (or the list of what it can have)."""
        prop = request.property or request.target
        if request.target == A["TARGETS"]:
            request.requestor.change_property(prop, Xatom.ATOM, 32, [A["TARGETS"], A["text/uri-list"]])
        elif request.target == A["text/uri-list"]:
            request.requestor.change_property(prop, A["text/uri-list"], 8, payload)
        else:
            prop = X.NONE
        notify = protocol.event.SelectionNotify(time=request.time, requestor=request.requestor,
                                                selection=request.selection, target=request.target,
                                                property=prop)
        request.requestor.send_event(notify)
        d.flush()

    def wait_for(kind):
        """Serves the target's requests until it sends `kind`; returns its data."""
        while True:
            e = d.next_event()
            if e.type == X.SelectionRequest:
                answer(e)
            elif e.type == X.ClientMessage and e.client_type == A[kind]:
                return e.data[1][1]

    def at(px, py):
        rx, ry = root.translate_coords(window, px, py).x, root.translate_coords(window, px, py).y
        return (rx << 16) | (ry & 0xFFFF)

    send("XdndEnter", version << 24, A["text/uri-list"], 0, 0)
    accepted = 0
    for step in range(1, STEPS + 1):
        px, py = 2 + (x - 2) * step // STEPS, 2 + (y - 2) * step // STEPS
        send("XdndPosition", 0, at(px, py), time, A["XdndActionCopy"])
        accepted = wait_for("XdndStatus") & 1
    print(f"over accepted={accepted}", flush=True)
    command = sys.stdin.readline().strip()
    if command != "drop" or not accepted:
        send("XdndLeave", 0)
        print("left", flush=True)
        return 0 if command != "drop" else 3
    send("XdndDrop", 0, time)
    done = wait_for("XdndFinished") & 1
    print(f"finished accepted={done}", flush=True)
    return 0


sys.exit(main())
