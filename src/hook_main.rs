//! `kapj-hook`: the prompt hook's check as a program of its own. It does
//! exactly what `kapj hook` does (see `cmd::hook`), but the program is a
//! small fraction of kapj's size: started at every prompt, it costs about
//! half as much, as the system has far less of it to load. `kapj init`
//! uses it when it is installed beside kapj (cargo install puts both).

fn main() {
    let args = std::env::args_os().collect::<Vec<_>>();
    // Called as `kapj-hook [--home DIR] [--every D]`: the same arguments as
    // `kapj [--home DIR] hook [--every D]`.
    let mut as_kapj = vec![args[0].clone()];
    let mut rest = args.into_iter().skip(1).peekable();
    if rest.peek().is_some_and(|a| a == "--home") {
        as_kapj.push(rest.next().unwrap_or_default());
        as_kapj.push(rest.next().unwrap_or_default());
    }
    as_kapj.push("hook".into());
    as_kapj.extend(rest);
    if kapj::cmd::hook::fast(as_kapj).is_none() {
        eprintln!("kapj-hook is kapj's prompt hook: kapj init --help says how to set it up.");
        std::process::exit(2);
    }
}
