//! CSV text against NumPy: loadtxt, genfromtxt and savetxt results compared bit for bit with
//! what NumPy 2.4.6 produced for the same files (tools/reference/csv_files.py), plus
//! round trips, parallel == sequential, chunked reading and readers that return little.

use numerust_core::{Complex, NdArray};
use numerust_io::csv::{
    FillingValues, FromText, GenFromTxtOptions, LoadTxtChunks, LoadTxtOptions, SaveText,
    SaveTxtOptions, genfromtxt, loadtxt, loadtxt_reader, loadtxt_str, loadtxt_with_progress,
    savetxt_writer,
};
use numerust_testutil::npy::{NpyArray, NpyData, read_npz};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;

/// `tests/reference/` of this checkout (the io crate's own manifest path, so a testutil built
/// from another work tree cannot point elsewhere).
fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/reference")
}

fn expected() -> &'static BTreeMap<String, NpyArray> {
    static E: OnceLock<BTreeMap<String, NpyArray>> = OnceLock::new();
    E.get_or_init(|| {
        let path = reference_dir().join("csv/expected.npz");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (run tools/reference/csv_files.py)", path.display())
        });
        read_npz(&bytes).expect("expected.npz parses")
    })
}

fn case(name: &str) -> &'static NpyArray {
    expected()
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing from expected.npz"))
}

fn input(name: &str) -> PathBuf {
    reference_dir().join(format!("csv/inputs/{name}.txt"))
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

fn lt() -> LoadTxtOptions {
    LoadTxtOptions::default()
}

/// The options of each float64 loadtxt case, as in csv_files.py.
fn loadtxt_cases() -> Vec<(&'static str, LoadTxtOptions)> {
    vec![
        ("ws_basic", lt()),
        ("comments_blank", lt().delimiter(',')),
        ("crlf", lt()),
        ("cr_only", lt()),
        ("no_final_newline", lt().delimiter(',')),
        ("mixed_whitespace", lt()),
        ("usecols", lt().delimiter(',').usecols(&[0, 2])),
        ("usecols_neg", lt().delimiter(',').usecols(&[-1, 0])),
        ("usecols_ragged", lt().usecols(&[1, 0])),
        ("usecols_text", lt().delimiter(',').usecols(&[2, 0])),
        ("row_ndmin0", lt()),
        ("row_ndmin1", lt().ndmin(1)),
        ("row_ndmin2", lt().ndmin(2)),
        ("col_ndmin0", lt()),
        ("col_ndmin1", lt().ndmin(1)),
        ("col_ndmin2", lt().ndmin(2)),
        ("one_ndmin0", lt()),
        ("one_ndmin1", lt().ndmin(1)),
        ("one_ndmin2", lt().ndmin(2)),
        ("empty", lt()),
        ("empty_ndmin2", lt().ndmin(2)),
        ("only_comments", lt()),
        ("empty_usecols", lt().usecols(&[0, 1])),
        ("skiprows_maxrows", lt().skiprows(2).max_rows(2)),
        ("unpack", lt().unpack(true)),
        ("quotes", lt().delimiter(',').quotechar('"')),
        ("quotes_ws", lt().quotechar('"')),
        ("multi_comments", lt().delimiter(',').comments(&["#", "//"])),
        ("no_comments", lt().no_comments()),
        ("semicolon", lt().delimiter(';')),
        ("nan_inf", lt()),
        ("spaces_in_fields", lt().delimiter(',')),
        ("leading_dot", lt()),
        ("digits17", lt()),
    ]
}

#[test]
fn loadtxt_float64_matches_numpy() {
    for (name, opts) in loadtxt_cases() {
        let want = case(name);
        let got = loadtxt::<f64>(input(name), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.shape(), &want.shape[..], "{name}: shape");
        assert_eq!(bits(&got.to_vec()), bits(&want.f64s()), "{name}: values");
        // The same text through a string and a reader.
        let text = std::fs::read_to_string(input(name)).unwrap();
        let s = loadtxt_str::<f64>(&text, &opts).unwrap();
        assert_eq!(bits(&s.to_vec()), bits(&want.f64s()), "{name}: loadtxt_str");
    }
}

fn check_typed<T: FromText>(name: &str, opts: LoadTxtOptions, want: Vec<T>) {
    let got = loadtxt::<T>(input(name), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(got.shape(), &case(name).shape[..], "{name}: shape");
    assert_eq!(got.to_vec(), want, "{name}");
}

#[test]
fn loadtxt_typed_matches_numpy() {
    let ints = |n: &str| case(n).i64s();
    check_typed::<i64>("int64", lt(), ints("int64"));
    check_typed::<i32>(
        "int32",
        lt().delimiter(','),
        ints("int32").iter().map(|&x| x as i32).collect(),
    );
    check_typed::<u8>(
        "uint8",
        lt(),
        ints("uint8").iter().map(|&x| x as u8).collect(),
    );
    let NpyData::UInt(u) = &case("uint64").data else {
        panic!("uint64 dtype")
    };
    check_typed::<u64>("uint64", lt(), u.clone());
    check_typed::<bool>("bool", lt(), case("bool").bools());
    let f = loadtxt::<f32>(input("float32"), &lt()).unwrap();
    let want: Vec<u32> = case("float32").f32s().iter().map(|x| x.to_bits()).collect();
    assert_eq!(
        f.to_vec().iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
        want
    );
}

/// NumPy's `column N` and quoted text, to check ours against.
fn numpy_column(msg: &str) -> Option<&str> {
    if !msg.starts_with("could not convert") {
        return None;
    }
    msg.split("column ").nth(1).map(|s| s.trim_end_matches('.'))
}

#[test]
fn loadtxt_errors_name_line_and_column() {
    // Our messages count physical lines (1-based); NumPy counts data rows.
    let cases: Vec<(&str, LoadTxtOptions, &str)> = vec![
        (
            "err_float",
            lt(),
            "could not convert 'abc' to float64 at line 2, column 3",
        ),
        (
            "err_empty_field",
            lt().delimiter(','),
            "the number of columns changed from 2 to 3 at line 2; use `usecols` to select a subset and avoid this error",
        ),
        (
            "err_columns",
            lt().delimiter(','),
            "the number of columns changed from 3 to 2 at line 4; use `usecols` to select a subset and avoid this error",
        ),
        (
            "err_usecols",
            lt().usecols(&[5]),
            "invalid column index 5 at line 1 with 2 columns",
        ),
        (
            "err_hex",
            lt(),
            "could not convert '0x1p3' to float64 at line 1, column 1",
        ),
        (
            "err_indented_comment",
            lt().delimiter(','),
            "the number of columns changed from 2 to 1 at line 2; use `usecols` to select a subset and avoid this error",
        ),
    ];
    for (name, opts, msg) in cases {
        let e = loadtxt::<f64>(input(name), &opts).unwrap_err();
        assert_eq!(e.to_string(), msg, "{name}");
        let np = case(&format!("{name}_error")).string();
        if let Some(col) = numpy_column(&np) {
            assert!(
                msg.ends_with(&format!("column {col}")),
                "{name}: NumPy said {np}"
            );
        }
    }
    let typed: Vec<(&str, String)> = vec![
        (
            "err_int_dot",
            loadtxt::<i64>(input("err_int_dot"), &lt())
                .unwrap_err()
                .to_string(),
        ),
        (
            "err_int_range",
            loadtxt::<i8>(input("err_int_range"), &lt())
                .unwrap_err()
                .to_string(),
        ),
        (
            "err_uint_neg",
            loadtxt::<u8>(input("err_uint_neg"), &lt())
                .unwrap_err()
                .to_string(),
        ),
    ];
    assert_eq!(
        typed[0].1,
        "could not convert '1.0' to int64 at line 2, column 2"
    );
    assert_eq!(
        typed[1].1,
        "could not convert '300' to int8 at line 1, column 2"
    );
    assert_eq!(
        typed[2].1,
        "could not convert '-0' to uint8 at line 1, column 2"
    );
    for (name, ours) in typed {
        let np = case(&format!("{name}_error")).string();
        let col = numpy_column(&np).unwrap();
        assert!(
            ours.ends_with(&format!("column {col}")),
            "{name}: NumPy said {np}"
        );
    }
}

fn gt() -> GenFromTxtOptions {
    GenFromTxtOptions::default()
}

#[test]
fn genfromtxt_matches_numpy() {
    let cases: Vec<(&str, GenFromTxtOptions)> = vec![
        ("gen_missing", gt().delimiter(',')),
        (
            "gen_missing_values",
            gt().delimiter(',')
                .missing_values(&["N/A", "-999"])
                .filling_values(0.0),
        ),
        ("gen_names", gt().names(true)),
        ("gen_names_csv", gt().delimiter(',').names(true)),
        (
            "gen_names_missing",
            gt().delimiter(',').names(true).missing_values(&["-999"]),
        ),
        ("gen_skip", gt().skip_header(1).skip_footer(1)),
        ("gen_usecols", gt().usecols(&[0, -1])),
        ("gen_invalid_skip", gt().invalid_raise(false)),
        (
            "gen_filling_per_col",
            GenFromTxtOptions {
                filling_values: FillingValues::PerColumn(vec![7.0, 8.0, 9.0]),
                ..gt().delimiter(',')
            },
        ),
        ("gen_loose", gt()),
        ("gen_underscore", gt()),
        ("gen_comments", gt()),
        ("gen_max_rows", gt().max_rows(2)),
        ("gen_single_row", gt()),
        ("gen_ndmin2", gt().ndmin(2)),
        ("gen_empty", gt()),
        ("gen_crlf", gt().delimiter(',')),
    ];
    for (name, opts) in cases {
        let g = genfromtxt(input(name), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        let data = case(name);
        let mask = case(&format!("{name}_mask"));
        let rows_of = |shape: &[usize]| shape.iter().product::<usize>();
        if let Some(names) = expected().get(&format!("{name}_names")) {
            // NumPy's structured result, unstructured: compare as (rows, columns).
            assert_eq!(g.names.as_ref(), Some(&names.strings()), "{name}: names");
            assert_eq!(
                rows_of(g.data.shape()),
                rows_of(&data.shape),
                "{name}: size"
            );
        } else {
            assert_eq!(g.names, None);
            assert_eq!(g.data.shape(), &data.shape[..], "{name}: shape");
        }
        assert_eq!(bits(&g.data.to_vec()), bits(&data.f64s()), "{name}: data");
        assert_eq!(g.mask.to_vec(), mask.bools(), "{name}: mask");
    }
    let e = genfromtxt(input("gen_err_invalid"), &gt()).unwrap_err();
    assert_eq!(e.to_string(), case("gen_err_invalid_error").string());
    let e = genfromtxt(input("gen_loose"), &gt().loose(false)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "could not convert 'abc' to float64 at line 1, column 2"
    );
}

/// The options of each savetxt case, as in csv_files.py.
fn savetxt_cases() -> Vec<(&'static str, SaveTxtOptions)> {
    let st = SaveTxtOptions::default;
    vec![
        ("default", st()),
        ("g17", st().fmt("%.17g").delimiter(",")),
        ("d_int", st().fmt("%d")),
        ("d_float", st().fmt("%d")),
        ("f10_3", st().fmt("%10.3f")),
        ("g", st().fmt("%g").delimiter("\t")),
        ("e_upper", st().fmt("%+.4E")),
        (
            "percol",
            st().fmt_columns(&["%d", "%.2f", "%s"]).delimiter(";"),
        ),
        ("rowfmt", st().fmt("%.1f|%-8.2e|%08.3g")),
        (
            "header_footer",
            st().header("a b c\nsecond line")
                .footer("end")
                .comments("// ")
                .newline("\r\n"),
        ),
        ("one_d", st().fmt("%.3f")),
        ("complex", st()),
        ("complex_fmt", st().fmt("%.3f")),
        ("f32_s", st().fmt("%s")),
        ("int_e", st()),
        ("hex", st().fmt("%#x")),
        ("bool", st()),
    ]
}

fn write<T: SaveText>(a: &NdArray<T>, opts: &SaveTxtOptions) -> Vec<u8> {
    let mut out = Vec::new();
    savetxt_writer(&mut out, a, opts).unwrap();
    out
}

#[test]
fn savetxt_matches_numpy_bytes() {
    for (name, opts) in savetxt_cases() {
        let arr = case(&format!("save_{name}_in"));
        let shape = arr.shape.clone();
        let got = match &arr.data {
            NpyData::F64(v) => write(&NdArray::from_shape_vec(&shape, v.clone()).unwrap(), &opts),
            NpyData::F32(v) => write(&NdArray::from_shape_vec(&shape, v.clone()).unwrap(), &opts),
            NpyData::Int(v) if arr.descr.ends_with("i4") => {
                let v: Vec<i32> = v.iter().map(|&x| x as i32).collect();
                write(&NdArray::from_shape_vec(&shape, v).unwrap(), &opts)
            }
            NpyData::Int(v) => write(&NdArray::from_shape_vec(&shape, v.clone()).unwrap(), &opts),
            NpyData::Bool(v) => write(&NdArray::from_shape_vec(&shape, v.clone()).unwrap(), &opts),
            NpyData::C128(v) => {
                let v: Vec<Complex<f64>> = v.iter().map(|&(r, i)| Complex::new(r, i)).collect();
                write(&NdArray::from_shape_vec(&shape, v).unwrap(), &opts)
            }
            other => panic!("{name}: unexpected {other:?}"),
        };
        let path = reference_dir().join(format!("csv/savetxt/{name}.txt"));
        let want = std::fs::read(&path).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want),
            "{name}"
        );
    }
}

#[test]
fn savetxt_refuses_bad_formats() {
    let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, f64::NAN]).unwrap();
    let mut out = Vec::new();
    let err = |opts: SaveTxtOptions| {
        savetxt_writer(&mut Vec::new(), &a, &opts)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err(SaveTxtOptions::default().fmt("%d %d %d")),
        "fmt has wrong number of % formats:  %d %d %d"
    );
    assert!(err(SaveTxtOptions::default().fmt("%d")).contains("cannot convert float NaN"));
    assert!(err(SaveTxtOptions::default().fmt("%q")).contains("unsupported format character"));
    assert!(err(SaveTxtOptions::default().fmt_columns(&["%d"])).starts_with("fmt has wrong shape"));
    let cube = NdArray::from_shape_vec(&[1, 1, 1], vec![1.0]).unwrap();
    assert!(savetxt_writer(&mut out, &cube, &SaveTxtOptions::default()).is_err());
}

proptest! {
    #[test]
    fn savetxt_17g_then_loadtxt_gives_the_same_bits(
        rows in 1usize..6,
        cols in 1usize..5,
        seed in prop::collection::vec(prop::num::f64::ANY, 30),
    ) {
        let vals: Vec<f64> = seed.iter().cycle().take(rows * cols).copied().collect();
        let a = NdArray::from_shape_vec(&[rows, cols], vals.clone()).unwrap();
        let text = write(&a, &SaveTxtOptions::default().fmt("%.17g").delimiter(","));
        let b = loadtxt_str::<f64>(
            std::str::from_utf8(&text).unwrap(),
            &lt().delimiter(',').ndmin(2),
        )
        .unwrap();
        prop_assert_eq!(b.shape(), &[rows, cols][..]);
        for (x, y) in vals.iter().zip(b.to_vec()) {
            if x.is_nan() {
                prop_assert!(y.is_nan());
            } else {
                prop_assert_eq!(x.to_bits(), y.to_bits());
            }
        }
    }
}

/// ~2.4 MB of rows with comments, blank lines and CRLF mixed in, and the values it holds.
fn big_text(rows: usize) -> (String, Vec<f64>) {
    let mut text = String::with_capacity(rows * 45);
    let mut vals = Vec::with_capacity(rows * 4);
    let mut x = 0x1234_5678_u64;
    for r in 0..rows {
        if r % 997 == 0 {
            text.push_str("# a comment line\n\n");
        }
        for c in 0..4 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = f64::from_bits((x >> 2) | 0x3000_0000_0000_0000)
                * if c % 2 == 0 { 1.0 } else { -1e-3 };
            vals.push(v);
            text.push_str(&format!("{v:?}"));
            text.push(if c < 3 { ',' } else { ' ' });
        }
        text.push_str(if r % 13 == 0 { "# tail\r\n" } else { "\n" });
    }
    (text, vals)
}

fn in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn parallel_reading_matches_sequential_and_the_values() {
    let (text, vals) = big_text(120_000);
    let path = std::env::temp_dir().join(format!("numerust_csv_big_{}.csv", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let opts = lt().delimiter(',');
    let one = in_pool(1, || loadtxt::<f64>(&path, &opts).unwrap());
    let three = in_pool(3, || loadtxt::<f64>(&path, &opts).unwrap());
    assert_eq!(one.shape(), &[120_000, 4]);
    assert_eq!(bits(&one.to_vec()), bits(&vals));
    assert_eq!(bits(&three.to_vec()), bits(&vals));
    // Chunks large enough for whole blocks to be parsed in parallel.
    let mut all = Vec::new();
    for c in LoadTxtChunks::<f64>::open(&path, 50_000, &opts).unwrap() {
        all.extend(c.unwrap().to_vec());
    }
    assert_eq!(bits(&all), bits(&vals));

    // An error deep in the file: the same (first) error whatever the thread count.
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let bad_line = 110_000;
    let mut broken: String = lines[..bad_line - 1].concat();
    broken.push_str("1,2,3,oops\n1,2\n");
    broken.push_str(&lines[bad_line..].concat());
    std::fs::write(&path, &broken).unwrap();
    let want = format!("could not convert 'oops' to float64 at line {bad_line}, column 4");
    for threads in [1, 2, 3] {
        let e = in_pool(threads, || loadtxt::<f64>(&path, &opts).unwrap_err());
        assert_eq!(e.to_string(), want, "{threads} threads");
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn chunks_and_progress_cover_the_file() {
    let (text, vals) = big_text(3_000);
    let opts = lt().delimiter(',');
    let mut rows = 0;
    let mut all = Vec::new();
    let chunks = LoadTxtChunks::<f64, _>::from_reader(text.as_bytes(), 700, &opts).unwrap();
    for c in chunks {
        let c = c.unwrap();
        assert!(c.shape()[0] <= 700 && c.shape()[1] == 4);
        rows += c.shape()[0];
        all.extend(c.to_vec());
    }
    assert_eq!(rows, 3_000);
    assert_eq!(bits(&all), bits(&vals));

    let limited: Vec<_> =
        LoadTxtChunks::<f64, _>::from_reader(text.as_bytes(), 700, &opts.clone().max_rows(1_000))
            .unwrap()
            .map(|c| c.unwrap().shape()[0])
            .collect();
    assert_eq!(limited, vec![700, 300]);

    // One row per chunk over more than a parallel block: linear, not a rescan per row.
    let (big, big_vals) = big_text(30_000);
    let big_path =
        std::env::temp_dir().join(format!("numerust_csv_onerow_{}.csv", std::process::id()));
    std::fs::write(&big_path, &big).unwrap();
    let t = std::time::Instant::now();
    let mut n = 0;
    for c in LoadTxtChunks::<f64>::open(&big_path, 1, &opts).unwrap() {
        assert_eq!(c.unwrap().to_vec(), big_vals[4 * n..4 * n + 4]);
        n += 1;
    }
    assert_eq!(n, 30_000);
    let _ = std::fs::remove_file(&big_path);
    assert!(
        t.elapsed().as_secs() < 5,
        "chunked reading took {:?}",
        t.elapsed()
    );

    let path =
        std::env::temp_dir().join(format!("numerust_csv_progress_{}.csv", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let mut seen = Vec::new();
    let a = loadtxt_with_progress::<f64>(&path, &opts, |p| seen.push(p)).unwrap();
    assert_eq!(a.shape(), &[3_000, 4]);
    let last = seen.last().unwrap();
    assert_eq!((last.bytes_read, last.rows), (text.len() as u64, 3_000));
    assert!(seen.windows(2).all(|w| w[0].rows <= w[1].rows));
    let _ = std::fs::remove_file(&path);
}

/// A reader that hands out at most `n` bytes per call.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let k = self.1.min(buf.len()).min(self.0.len());
        buf[..k].copy_from_slice(&self.0[..k]);
        self.0 = &self.0[k..];
        Ok(k)
    }
}

#[test]
fn readers_that_return_little_give_the_same_result() {
    let cases: Vec<(&str, LoadTxtOptions)> = vec![
        ("1 2\r\n3 4\r5 6\n\n7 8", lt()),
        (
            "# c\n1,\"2\n\"\r\n3,\"4\"\"\"\n",
            lt().delimiter(',').quotechar('"').skiprows(1),
        ),
        ("a\nb\r\nc\r1 2\n", lt().skiprows(3)),
        ("1 2 // x\n3 4 #\n", lt().comments(&["#", "//"])),
    ];
    for (text, opts) in cases {
        let whole = loadtxt_str::<f64>(text, &opts);
        for step in [1, 2, 3, 7] {
            let got = loadtxt_reader::<f64>(Trickle(text.as_bytes(), step), &opts);
            match (&whole, &got) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.shape(), b.shape(), "{text:?} by {step}");
                    assert_eq!(bits(&a.to_vec()), bits(&b.to_vec()), "{text:?} by {step}");
                }
                (a, b) => assert_eq!(
                    a.as_ref().map(|_| ()).map_err(|e| e.to_string()),
                    b.as_ref().map(|_| ()).map_err(|e| e.to_string()),
                    "{text:?} by {step}"
                ),
            }
        }
    }
}

#[test]
fn odd_inputs_are_errors_not_panics() {
    for text in [
        "\"",
        "\"\"",
        "\r",
        "\r\r\n",
        ",",
        "\"1",
        "1,\"2",
        "#",
        "\u{feff}1",
        "1\u{a0}2",
        "\0",
        "1e",
        "-",
        "+inf-",
        "nan nan\n1",
    ] {
        for opts in [
            lt(),
            lt().delimiter(',').quotechar('"'),
            lt().usecols(&[-1]),
        ] {
            let _ = loadtxt_str::<f64>(text, &opts);
            let _ = loadtxt_str::<i64>(text, &opts);
        }
    }
    assert!(loadtxt_str::<f64>("1 2", &lt().ndmin(3)).is_err());
    assert!(loadtxt_str::<f64>("1 2", &lt().delimiter('é')).is_err());
    assert!(loadtxt_str::<f64>("1 2", &lt().comments(&["#", "//"]).quotechar('"')).is_err());
}

/// Text over the bytes that matter to the tokenizer and the number parsers.
fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "0", "1", "7", ".", "e", "-", "+", ",", " ", "\t", "\n", "\r", "\r\n", "#", "\"", "//",
            "a", "inf", "nan", "1.5", "-2e3", ";",
        ]),
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn any_text_reads_the_same_whole_or_trickled(text in text_strategy(), step in 1usize..5, which in 0usize..5) {
        let opts = match which {
            0 => lt(),
            1 => lt().delimiter(','),
            2 => lt().delimiter(',').quotechar('"'),
            3 => lt().comments(&["#", "//"]).usecols(&[-1, 0]),
            _ => lt().delimiter(';').skiprows(1).max_rows(2).ndmin(2),
        };
        let whole = loadtxt_str::<f64>(&text, &opts);
        let trickled = loadtxt_reader::<f64>(Trickle(text.as_bytes(), step), &opts);
        match (&whole, &trickled) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.shape(), b.shape());
                prop_assert_eq!(bits(&a.to_vec()), bits(&b.to_vec()));
            }
            (a, b) => prop_assert_eq!(
                a.as_ref().map(|_| ()).map_err(|e| e.to_string()),
                b.as_ref().map(|_| ()).map_err(|e| e.to_string())
            ),
        }
        let _ = loadtxt_str::<i32>(&text, &opts);
        let _ = numerust_io::csv::genfromtxt_reader(text.as_bytes(), &gt().delimiter(','));
    }
}

#[test]
fn savetxt_in_parallel_blocks_writes_the_same_bytes() {
    let (_, vals) = big_text(20_000);
    let a = NdArray::from_shape_vec(&[20_000, 4], vals.clone()).unwrap();
    let opts = SaveTxtOptions::default().fmt("%.17g").delimiter(",");
    let one = in_pool(1, || write(&a, &opts));
    let three = in_pool(3, || write(&a, &opts));
    assert!(one == three, "output depends on the thread count");
    let back =
        loadtxt_str::<f64>(std::str::from_utf8(&one).unwrap(), &lt().delimiter(',')).unwrap();
    assert_eq!(bits(&back.to_vec()), bits(&vals));
    // Errors name the row, also past the first block.
    let mut bad = vals;
    bad[4 * 15_000 + 2] = f64::NAN;
    let b = NdArray::from_shape_vec(&[20_000, 4], bad).unwrap();
    let e = savetxt_writer(&mut Vec::new(), &b, &SaveTxtOptions::default().fmt("%d")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 15000: cannot convert float NaN to integer"
    );
}
