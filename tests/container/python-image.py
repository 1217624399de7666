"""Builds the root file system of a Python image with boto3 from this host's Python, for the
compose example's app where no base image can be pulled (tests/container/run.sh).

Run with the Python whose interpreter and packages the image should hold (target/pyenv's):
    python tests/container/python-image.py ROOTFS
ROOTFS gets the interpreter and its standard library at their paths on the host (so the
interpreter finds its prefix as it does here), the shared libraries `ldd` lists for the
interpreter and every extension module, /bin/sh (the app's Containerfile has a RUN step),
`python`/`python3` on /usr/local/bin, and boto3, pip and their dependencies (by their
installed RECORD) in the standard library's site-packages, so `python -m pip install boto3`
finds it installed and asks no index. A stand-in for python:3.12-slim, nothing more.
"""
import importlib.metadata as md
import os
import re
import shutil
import subprocess
import sys
import sysconfig

root = os.path.abspath(sys.argv[1])
stdlib = sysconfig.get_paths()["stdlib"]  # the base install's, also inside a venv
exe = os.path.realpath(sys.executable)
# Not needed to run an app, and most of the size.
SKIP = {"site-packages", "test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "config-3.11-x86_64-linux-gnu"}


def put(src, dst=None):
    """Copies a file (following links) to the same path (or dst) under root."""
    dst = root + (dst or src)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copy2(src, dst, follow_symlinks=True)


libs = set()


def needs(path):
    """The shared libraries ldd lists for path (absolute paths), and the loader."""
    out = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        m = re.search(r"(/\S+) \(0x", line)
        if m:
            libs.add(m.group(1))


put(exe)
needs(exe)
for top, dirs, files in os.walk(stdlib):
    if top == stdlib:
        dirs[:] = [d for d in dirs if d not in SKIP and not d.startswith("config-")]
    for name in files:
        if name.startswith("_tkinter"):  # the X11 libraries it links are most of lib/
            continue
        path = os.path.join(top, name)
        put(path)
        if name.endswith(".so"):
            needs(path)
sh = shutil.which("sh")
put(os.path.realpath(sh), "/bin/sh")
needs(os.path.realpath(sh))
for lib in libs:
    put(lib)
os.makedirs(root + "/usr/local/bin", exist_ok=True)
os.makedirs(root + "/tmp", exist_ok=True)
for name in ("python", "python3"):
    os.symlink(exe, root + "/usr/local/bin/" + name)

# boto3 and pip with what they require, as installed here.
site = root + stdlib + "/site-packages"
todo, seen = ["boto3", "pip"], set()
while todo:
    dist = md.distribution(todo.pop())
    name = dist.metadata["Name"].lower()
    if name in seen:
        continue
    seen.add(name)
    for f in dist.files or []:
        src = str(f.locate())
        if os.path.isfile(src) and not str(f).startswith(".."):
            dst = os.path.join(site, str(f))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
    for req in dist.requires or []:
        if "extra ==" in req:
            continue
        todo.append(re.match(r"[A-Za-z0-9_.-]+", req).group(0))
print(f"{exe} with {', '.join(sorted(seen))}")
