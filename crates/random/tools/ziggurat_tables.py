"""Writes crates/random/src/ziggurat/tables.rs: NumPy's ziggurat tables, copied bit for bit.

The tables cannot be regenerated from the Marsaglia-Tsang recurrence to the last bit, so they
are read out of the pinned NumPy wheel by ../shared/reference/numpy-random/ziggurat_from_wheel.py
(an ELF symbol reader, stdlib only) and formatted here as Rust statics.

    .venv/bin/python crates/random/tools/ziggurat_tables.py   (numpy==2.4.6 installed)
"""
import pathlib
import struct
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[3]
READER = ROOT.parent / "shared" / "reference" / "numpy-random" / "ziggurat_from_wheel.py"
OUT = ROOT / "crates" / "random" / "src" / "ziggurat" / "tables.rs"

HEADER = '''\
//! NumPy's ziggurat tables (`ziggurat_constants.h`), copied bit for bit from the NumPy 2.4.6
//! wheel by `crates/random/tools/ziggurat_tables.py`. Generated: do not edit.
//!
//! Data from NumPy (numpy/random/src/distributions), distributed under NumPy's BSD-3 licence:
//!
//! Copyright (c) 2005-2025, NumPy Developers. All rights reserved.
//!
//! Redistribution and use in source and binary forms, with or without modification, are
//! permitted provided that the following conditions are met:
//! * Redistributions of source code must retain the above copyright notice, this list of
//!   conditions and the following disclaimer.
//! * Redistributions in binary form must reproduce the above copyright notice, this list of
//!   conditions and the following disclaimer in the documentation and/or other materials
//!   provided with the distribution.
//! * Neither the name of the NumPy Developers nor the names of any contributors may be used to
//!   endorse or promote products derived from this software without specific prior written
//!   permission.
//!
//! THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS
//! OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
//! MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
//! COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
//! EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE
//! GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED
//! AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
//! NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED
//! OF THE POSSIBILITY OF SUCH DAMAGE.
//!
//! NumPy's ziggurat code and constants derive from Julia's, which carries this MIT notice:
//!
//! Copyright (c) 2009-2019: Jeff Bezanson, Stefan Karpinski, Viral B. Shah, and other
//! contributors: https://github.com/JuliaLang/julia/contributors
//!
//! Permission is hereby granted, free of charge, to any person obtaining a copy of this
//! software and associated documentation files (the "Software"), to deal in the Software
//! without restriction, including without limitation the rights to use, copy, modify, merge,
//! publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
//! to whom the Software is furnished to do so, subject to the following conditions:
//!
//! The above copyright notice and this permission notice shall be included in all copies or
//! substantial portions of the Software.
//!
//! THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
//! INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
//! PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
//! FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
//! OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
//! DEALINGS IN THE SOFTWARE.

// Floats are stored as their bit patterns (Rust has no hex float literals).
'''


def main():
    with tempfile.TemporaryDirectory() as tmp:
        txt = pathlib.Path(tmp) / "tables.txt"
        subprocess.run([sys.executable, str(READER), str(txt)], check=True)
        rows = [line.split() for line in txt.read_text().splitlines() if line.strip()]
    tables, scalars = {}, {}
    for name, idx, val in rows:
        if name.startswith("ziggurat_"):
            scalars[name] = float.fromhex(val)
        else:
            tables.setdefault(name, {})[int(idx)] = val
    out = [HEADER]
    for name in sorted(tables):
        vals = [tables[name][i] for i in range(256)]
        upper = name.upper()
        if name.startswith("k"):
            ty = "u64" if name.endswith("double") else "u32"
            items = [f"{int(v, 16):#x}" for v in vals]
        elif name.endswith("double"):
            ty = "f64"
            items = [f"f64::from_bits({struct.unpack('<Q', struct.pack('<d', float.fromhex(v)))[0]:#018x})" for v in vals]
        else:
            ty = "f32"
            items = [f"f32::from_bits({struct.unpack('<I', struct.pack('<f', float.fromhex(v)))[0]:#010x})" for v in vals]
        out.append(f"/// NumPy's `{name}`.\npub(crate) static {upper}: [{ty}; 256] = [")
        out.extend(f"    {it}," for it in items)
        out.append("];\n")
    for name, v in scalars.items():
        bits = struct.unpack('<Q', struct.pack('<d', v))[0]
        out.append(f"/// NumPy's `{name}` ({v!r}).\npub(crate) const {name.upper()}: f64 = f64::from_bits({bits:#018x});\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(out))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
