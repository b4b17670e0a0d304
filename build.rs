//! Embeds the numbered SQL files under `migrations/` in order, so adding a
//! migration is adding a folder: `migrations/NN-name/up.sql`.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    let mut dirs: Vec<_> = fs::read_dir("migrations")
        .expect("migrations/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("up.sql").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut code = String::from("/// Schema migrations, in order: (name, SQL).\npub const MIGRATIONS: &[(&str, &str)] = &[\n");
    for d in &dirs {
        println!("cargo:rerun-if-changed=migrations/{d}/up.sql");
        let path = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap())
            .join("migrations")
            .join(d)
            .join("up.sql");
        let _ = writeln!(
            code,
            "    ({d:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("migrations.rs");
    fs::write(out, code).expect("write migrations.rs");
}
