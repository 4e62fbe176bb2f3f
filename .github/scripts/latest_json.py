#!/usr/bin/env python3
"""Writes the updater's latest.json for a release from the signed bundles.

usage: latest_json.py BUNDLES_DIR VERSION DOWNLOAD_BASE_URL [NOTES]

BUNDLES_DIR holds the release's files as the build jobs uploaded them (in any
sub-folders); each updater bundle has a `.sig` file beside it, written by
`tauri build` when TAURI_SIGNING_PRIVATE_KEY is set. The app downloads
DOWNLOAD_BASE_URL/<file name> and checks the signature against the public key
in tauri.conf.json before installing.
"""
import datetime
import json
import pathlib
import sys

# Which bundle answers which platform key of the updater, in order of
# preference (the first found wins for the plain "os-arch" key; every one also
# gets its "os-arch-installer" key, which the app asks for first).
KINDS = [
    # (file name ending, updater keys)
    (".AppImage", ["linux-x86_64", "linux-x86_64-appimage"]),
    ("_amd64.deb", ["linux-x86_64-deb"]),
    (".x86_64.rpm", ["linux-x86_64-rpm"]),
    ("-setup.exe", ["windows-x86_64", "windows-x86_64-nsis"]),
    (".msi", ["windows-x86_64-msi"]),
    # A universal macOS build serves both kinds of Mac.
    (".app.tar.gz", ["darwin-x86_64", "darwin-aarch64", "darwin-x86_64-app", "darwin-aarch64-app"]),
]


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    bundles, version, base = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3].rstrip("/")
    notes = sys.argv[4] if len(sys.argv) > 4 else f"Galley {version}"
    platforms: dict[str, dict[str, str]] = {}
    for ending, keys in KINDS:
        for sig in sorted(bundles.rglob(f"*{ending}.sig")):
            artifact = sig.with_suffix("")
            if not artifact.is_file():
                continue
            entry = {"signature": sig.read_text().strip(), "url": f"{base}/{artifact.name}"}
            for key in keys:
                platforms.setdefault(key, entry)
            break
    if not platforms:
        print(f"no signed bundles (*.sig) under {bundles}", file=sys.stderr)
        return 1
    manifest = {
        "version": version.lstrip("v"),
        "notes": notes,
        "pub_date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "platforms": platforms,
    }
    json.dump(manifest, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
