//! `.npz` (zip) reader on arbitrary bytes: open, list, and read every member.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(z) = numerust_io::NpzFile::from_bytes(data.to_vec()) {
        for name in z.names().to_vec() {
            let _ = z.get_any(&name);
        }
    }
});
