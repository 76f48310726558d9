//! CSV readers on arbitrary text, under a few option sets chosen by the first byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use numerust_io::csv::{GenFromTxtOptions, LoadTxtOptions, genfromtxt_reader, loadtxt_str};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let load = match mode % 3 {
        0 => LoadTxtOptions::default(),
        1 => LoadTxtOptions::default().delimiter(','),
        _ => LoadTxtOptions::default().delimiter(';'),
    };
    let _ = loadtxt_str::<f64>(text, &load);
    let _ = loadtxt_str::<i64>(text, &load);
    let gen_opts = if mode & 4 == 0 {
        GenFromTxtOptions::default()
    } else {
        GenFromTxtOptions::default().delimiter(',')
    };
    let _ = genfromtxt_reader(text.as_bytes(), &gen_opts);
});
