//! `.npy` reader on arbitrary bytes: never a panic, never an allocation the bytes do not back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = numerust_io::read_npy_bytes(data) {
        // What was read must be consistent with what is there.
        assert!(a.size() * a.dtype().itemsize() <= data.len());
    }
    let _ = numerust_io::npy::read_npy_any(data);
});
