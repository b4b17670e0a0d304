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
    // A migration is known by its number, not its place in the list: folders
    // made on parallel branches may leave gaps that a later merge fills.
    let mut numbers = std::collections::HashSet::new();
    let mut code = String::from(
        "/// Schema migrations, in order: (number, name, SQL).\npub const MIGRATIONS: &[(i64, &str, &str)] = &[\n",
    );
    for d in &dirs {
        let number: i64 = d
            .split('-')
            .next()
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0)
            .unwrap_or_else(|| {
                panic!("migrations/{d}: the folder name must start with its number, e.g. 03-name")
            });
        assert!(
            numbers.insert(number),
            "migrations/{d}: number {number} is used twice"
        );
        println!("cargo:rerun-if-changed=migrations/{d}/up.sql");
        let path = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap())
            .join("migrations")
            .join(d)
            .join("up.sql");
        let _ = writeln!(
            code,
            "    ({number}, {d:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("migrations.rs");
    fs::write(out, code).expect("write migrations.rs");
}
