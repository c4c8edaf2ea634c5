//! The reverse proxy (`nginx.conf`): TLS on 443, passing to the address the service listens on,
//! under the name of its base URL, with the client's Host and room for the largest import.

use super::{deploy_file, unit, CommandLine};

#[test]
fn the_reverse_proxy_passes_to_the_service_under_the_name_of_its_base_url() {
    let command = CommandLine::of_unit(&unit());
    let (_, nginx) = deploy_file("nginx.conf");
    let directives: Vec<Vec<&str>> = nginx
        .lines()
        .map(|line| line.split('#').next().unwrap().trim())
        .filter(|line| line.ends_with(';'))
        .map(|line| line.trim_end_matches(';').split_whitespace().collect())
        .collect();
    let values = |name: &str| -> Vec<Vec<&str>> {
        directives
            .iter()
            .filter(|d| d[0] == name)
            .map(|d| d[1..].to_vec())
            .collect()
    };
    let addr = command.value("--addr").unwrap();
    assert_eq!(
        values("proxy_pass"),
        [vec![format!("http://{addr}").as_str()]]
    );
    let host = url::Url::parse(command.value("--base-url").unwrap())
        .unwrap()
        .host_str()
        .unwrap()
        .to_owned();
    let names = values("server_name");
    assert!(
        !names.is_empty() && names.iter().all(|n| n == &vec![host.as_str()]),
        "server_name {names:?}, base URL host {host}"
    );
    assert!(
        values("listen")
            .iter()
            .any(|l| l.contains(&"443") && l.contains(&"ssl")),
        "TLS on 443"
    );
    assert_eq!(values("ssl_certificate").len(), 1);
    assert_eq!(values("ssl_certificate_key").len(), 1);
    // The proxy keeps the client's Host, which Quorum's links use where no base URL is set.
    assert!(values("proxy_set_header").contains(&vec!["Host", "$host"]));
    // Imports may be 64 MiB; a smaller proxy limit would refuse them before Quorum sees them.
    assert_eq!(values("client_max_body_size"), [vec!["64m"]]);
}
