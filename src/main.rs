fn main() {
    std::process::exit(pagelint::cli::main(std::env::args_os()));
}
