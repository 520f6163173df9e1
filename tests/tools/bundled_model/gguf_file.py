"""GGUF v3 writer and reader for the bundled model (written from the GGUF format description).

File: magic "GGUF", u32 version 3, u64 tensor count, u64 metadata count, metadata key/values,
tensor infos (name, u32 n_dims, u64 ne[n_dims], u32 ggml type, u64 offset relative to the data
section), padding to general.alignment (32), tensor data (each tensor aligned to 32).
Strings are u64 length + UTF-8 bytes. A numpy array of shape (rows, cols) is stored with
ne = [cols, rows]. Types written: F32 (0) and F16 (1).
"""
import struct

import numpy as np

ALIGNMENT = 32
T_U8, T_I8, T_U16, T_I16, T_U32, T_I32, T_F32, T_BOOL, T_STR, T_ARR, T_U64, T_I64, T_F64 = range(13)
_SCALAR = {T_U8: "<B", T_I8: "<b", T_U16: "<H", T_I16: "<h", T_U32: "<I", T_I32: "<i",
           T_F32: "<f", T_BOOL: "<?", T_U64: "<Q", T_I64: "<q", T_F64: "<d"}
GGML_F32, GGML_F16 = 0, 1


def _str(s):
    b = s.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


def _value(vtype, value):
    if vtype == T_STR:
        return _str(value)
    if vtype == T_ARR:
        etype, items = value
        out = struct.pack("<IQ", etype, len(items))
        return out + b"".join(_value(etype, v) for v in items)
    return struct.pack(_SCALAR[vtype], value)


def write(path, metadata, tensors):
    """metadata: [(key, vtype, value)], an array value being (elem_type, list).
    tensors: [(name, numpy array, ggml type)] with type GGML_F32 or GGML_F16."""
    head = bytearray(b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(metadata)))
    for key, vtype, value in metadata:
        head += _str(key) + struct.pack("<I", vtype) + _value(vtype, value)
    blobs, offset = [], 0
    for name, arr, gtype in tensors:
        data = np.ascontiguousarray(arr, dtype="<f2" if gtype == GGML_F16 else "<f4").tobytes()
        ne = list(reversed(arr.shape))
        head += _str(name) + struct.pack("<I", len(ne)) + struct.pack(f"<{len(ne)}Q", *ne)
        head += struct.pack("<IQ", gtype, offset)
        blobs.append(data + b"\0" * (-len(data) % ALIGNMENT))
        offset += len(blobs[-1])
    head += b"\0" * (-len(head) % ALIGNMENT)
    with open(path, "wb") as f:
        f.write(head)
        for b in blobs:
            f.write(b)


def read(path):
    """(metadata dict key -> python value, tensors dict name -> float32 numpy array)."""
    buf = open(path, "rb").read()
    pos = 0

    def take(fmt):
        nonlocal pos
        v = struct.unpack_from(fmt, buf, pos)
        pos += struct.calcsize(fmt)
        return v if len(v) > 1 else v[0]

    def string():
        nonlocal pos
        n = take("<Q")
        s = buf[pos:pos + n].decode("utf-8")
        pos += n
        return s

    def value(vtype):
        if vtype == T_STR:
            return string()
        if vtype == T_ARR:
            etype, n = take("<IQ")
            return [value(etype) for _ in range(n)]
        return take(_SCALAR[vtype])

    assert buf[:4] == b"GGUF", f"{path}: not a GGUF file"
    pos = 4
    version, n_tensors, n_kv = take("<IQQ")
    assert version == 3, f"{path}: GGUF version {version}"
    meta = {}
    for _ in range(n_kv):
        key = string()
        meta[key] = value(take("<I"))
    infos = []
    for _ in range(n_tensors):
        name = string()
        nd = take("<I")
        ne = [take("<Q") for _ in range(nd)]
        gtype, off = take("<IQ")
        infos.append((name, ne, gtype, off))
    base = pos + (-pos % meta.get("general.alignment", ALIGNMENT))
    tensors = {}
    for name, ne, gtype, off in infos:
        dt = {GGML_F32: "<f4", GGML_F16: "<f2"}[gtype]
        count = int(np.prod(ne))
        arr = np.frombuffer(buf, dtype=dt, count=count, offset=base + off)
        tensors[name] = arr.astype(np.float32).reshape(list(reversed(ne)))
    return meta, tensors
