//! A NumPy user finds the ufuncs and reductions at the crate root under NumPy's names
//! (`use numerust as np; np::exp(&a)`), and they compute what NumPy computes.

use numerust as np;
use numerust::prelude::*;

fn vec3() -> NdArray<f64> {
    NdArray::from_vec(vec![0.5, 1.0, 4.0])
}

#[test]
fn unary_math_at_the_root() {
    let a = vec3();
    assert_eq!(np::sqrt(&a).to_vec(), vec![0.5f64.sqrt(), 1.0, 2.0]);
    assert_eq!(np::exp(&a).to_vec()[1], std::f64::consts::E);
    assert_eq!(np::log(&a).to_vec()[1], 0.0);
    assert_eq!(np::log2(&a).to_vec()[2], 2.0);
    assert_eq!(np::sin(&a).to_vec()[0], 0.5f64.sin());
    assert_eq!(np::tanh(&a).to_vec()[0], 0.5f64.tanh());
    assert_eq!(np::abs(&np::negative(&a)).to_vec(), a.to_vec());
    assert_eq!(np::floor(&a).to_vec(), vec![0.0, 1.0, 4.0]);
    assert_eq!(np::round(&a, 0).to_vec(), vec![0.0, 1.0, 4.0]);
    assert_eq!(
        np::isnan(&NdArray::from_vec(vec![f64::NAN, 1.0])).to_vec(),
        vec![true, false]
    );
    assert_eq!(np::isfinite(&a).to_vec(), vec![true; 3]);
}

#[test]
fn binary_and_selection_at_the_root() {
    let a = vec3();
    let b = NdArray::from_vec(vec![1.0, 1.0, 1.0]);
    assert_eq!(np::add(&a, &b).unwrap().to_vec(), vec![1.5, 2.0, 5.0]);
    assert_eq!(np::maximum(&a, &b).unwrap().to_vec(), vec![1.0, 1.0, 4.0]);
    assert_eq!(np::minimum(&a, &b).unwrap().to_vec(), vec![0.5, 1.0, 1.0]);
    assert_eq!(
        np::power(&a, &NdArray::from_vec(vec![2.0]))
            .unwrap()
            .to_vec(),
        vec![0.25, 1.0, 16.0]
    );
    let cond = np::greater(&a, &b).unwrap();
    assert_eq!(cond.to_vec(), vec![false, false, true]);
    assert_eq!(
        np::where_(&cond, &a, &b).unwrap().to_vec(),
        vec![1.0, 1.0, 4.0]
    );
    assert_eq!(
        np::clip_scalar(&a, 0.75, 2.0).to_vec(),
        vec![0.75, 1.0, 2.0]
    );
}

#[test]
fn reductions_at_the_root() {
    let m = NdArray::from_shape_vec(&[2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
    assert_eq!(np::sum(&m), 21.0);
    assert_eq!(np::mean(&m), 3.5);
    assert_eq!(np::max(&m).unwrap(), 6.0);
    assert_eq!(np::argmin(&m).unwrap(), 0);
    assert_eq!(np::sum_axis(&m, 0).unwrap().to_vec(), vec![5.0, 7.0, 9.0]);
    assert_eq!(np::var(&m), 35.0 / 12.0);
    assert_eq!(np::std(&m), (35.0f64 / 12.0).sqrt());
    assert_eq!(
        np::cumsum(&m).to_vec(),
        vec![1.0, 3.0, 6.0, 10.0, 15.0, 21.0]
    );
}

#[test]
fn file_functions_at_the_root() {
    let dir = std::env::temp_dir().join(format!("numerust_names_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = NdArray::from_shape_vec(&[2, 2], vec![1.0, 2.5, -3.0, 4.0]).unwrap();
    np::save(dir.join("a.npy"), &a).unwrap();
    assert_eq!(np::load::<f64>(dir.join("a.npy")).unwrap(), a);
    let opts = np::io::csv::SaveTxtOptions::default().delimiter(",");
    np::savetxt(dir.join("a.csv"), &a, &opts).unwrap();
    let back = np::loadtxt::<f64>(
        dir.join("a.csv"),
        &np::io::csv::LoadTxtOptions::default().delimiter(','),
    )
    .unwrap();
    assert_eq!(back, a);
    std::fs::remove_dir_all(&dir).unwrap();
}
