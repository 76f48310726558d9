//! A guided tour of numerust for NumPy users: `cargo run --release --example tour`.
//!
//! Each step prints the NumPy line it mirrors, then numerust's result, printed the way
//! NumPy prints it.

use numerust::prelude::*;
use numerust::{
    arange, broadcast_arrays, concatenate, eye, linspace, shares_memory, split, stack, vstack,
};

fn step(title: &str) {
    println!("\n== {title} ==");
}

fn show<D: std::fmt::Display>(numpy: &str, value: D) {
    println!(">>> {numpy}\n{value}");
}

fn main() -> Result<(), NdError> {
    step("Creating arrays");
    let a = arange::<i64>(12)?.reshape([3, 4])?;
    show("a = np.arange(12).reshape(3, 4)", &a);
    show("np.linspace(0, 1, 5)", linspace(0.0f64, 1.0, 5, true)?);
    show("np.eye(3)", eye::<f64>(3, None, 0)?);
    let m = numerust::array![[1.5, 2.0], [3.0, 4.25]];
    show("np.array([[1.5, 2.0], [3.0, 4.25]])", &m);
    println!(
        "shape {:?}, ndim {}, size {}, dtype {}, itemsize {}, nbytes {}, strides {:?}",
        a.shape(),
        a.ndim(),
        a.size(),
        a.dtype(),
        a.itemsize(),
        a.nbytes(),
        a.strides()
    );

    step("Slicing: views, negative steps, new axes");
    show("a[1:, ::-2]", a.slice(s![1.., ..;-2]));
    show("a[:, 1]", a.slice(s![.., 1]));
    show("a[np.newaxis, -1, ...]", a.slice(s![NewAxis, -1, ...]));
    show("a.T", a.t());

    step("Views write through; clones copy on write");
    let mut b = a.copy();
    b.slice_mut(s![.., ..;2]).fill(0);
    show("b = a.copy(); b[:, ::2] = 0; b", &b);
    let c = b.clone(); // O(1): shares b's buffer
    b[[0, 1]] = 100;
    show("c (a clone taken before b[0, 1] = 100)", &c);
    println!(
        "shares_memory(a, a[::2]) = {}",
        shares_memory(&a, &a.slice(s![..;2]))
    );
    println!("shares_memory(a, b) = {}", shares_memory(&a, &b));

    step("Broadcasting");
    let col = arange::<f64>(3.0)?.reshape([3, 1])?;
    let row = linspace(0.0f64, 0.3, 4, true)?;
    show(
        "np.arange(3.0).reshape(3, 1) + np.linspace(0, 0.3, 4)",
        &col + &row,
    );
    let both = broadcast_arrays(&[&col, &row])?;
    println!(
        "broadcast shapes: {:?} and {:?}; strides {:?}",
        both[0].shape(),
        both[1].shape(),
        both[0].strides()
    );
    let x = a.astype::<f64>();
    let col_means = NdArray::from_vec(
        x.lanes(0)
            .map(|l| l.fold(0.0, |s, v| s + v) / l.len() as f64)
            .collect(),
    );
    show("a - a.mean(axis=0)", &x - &col_means);

    step("Boolean masks and fancy indexing");
    let mask = a.mapv(|v| v % 3 == 0);
    show("mask = a % 3 == 0", &mask);
    show("a[mask]", a.mask(&mask)?);
    let mut d = a.clone();
    d.mask_assign(&mask, -1)?;
    show("d[mask] = -1; d", &d);
    show("a[[2, 0]]  (rows)", a.fancy(&[[2i64, 0]])?);
    show(
        "a[[0, 1, 2], [3, 2, 1]]",
        a.fancy(&[[0i64, 1, 2], [3, 2, 1]])?,
    );
    show("np.take(a, [0, -1], axis=1)", a.take(&[0i64, -1], Some(1))?);

    step("Reshape, stack, split");
    show("a.reshape(2, -1)", a.reshape([2, -1])?);
    show(
        "np.vstack([a, a[:1]])",
        vstack(&[a.view(), a.slice(s![..1, ..])])?,
    );
    show("np.concatenate([a, a], axis=1)", concatenate(&[&a, &a], 1)?);
    show(
        "np.stack([a[0], a[1]])",
        stack(&[a.slice(s![0, ..]), a.slice(s![1, ..])], 0)?,
    );
    for (i, part) in split(&a, 2, 1)?.iter().enumerate() {
        show(&format!("np.split(a, 2, axis=1)[{i}]"), part);
    }

    step("Printing follows NumPy, summarising large arrays");
    show("np.arange(2000.0) / 7", &arange::<f64>(2000.0)? / 7.0);
    println!("{:?}", linspace(0.0f32, 1.0, 4, true)?);
    Ok(())
}
