//! Forms that work without JavaScript. A browser without it posts a server function's form as
//! `application/x-www-form-urlencoded` and asks for HTML; Leptos alone would send it back to
//! the page it came from with the answer dropped, and everything typed lost. Here the server
//! function runs as it does for the page's script, and the page the form came from is written
//! again with the answer and the fields as typed (`app::wire::form_echo::FormEcho`), so errors
//! stand beside their fields and a success says what was saved. The import form is a
//! multipart upload: its file is handed to `/api/import` as the JSON body that route reads.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::provide_context;

use app::wire::form_echo::{FormEcho, IMPORT_ENDPOINT, PAGE_FIELD, UPLOAD_FIELD};

use crate::state::AppState;

/// What a server function may answer a form with, at the most.
const ANSWER_LIMIT_BYTES: usize = 1024 * 1024;

/// Answers a plain form's post to a server function with the page it came from.
pub async fn answer_with_the_page(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(page) = page_of_plain_form(&request, &state) else {
        return next.run(request).await;
    };
    let endpoint = request.uri().path().to_owned();
    let (mut parts, body) = request.into_parts();
    let upload = is_upload(&parts.headers);
    // Bodies were read and bounded at the boundary already (`check_body`).
    let read = match upload {
        true => read_upload(&parts.headers, body).await.map_err(|_| ()),
        false => axum::body::to_bytes(body, usize::MAX)
            .await
            .map(|bytes| {
                (
                    url::form_urlencoded::parse(&bytes).into_owned().collect(),
                    Vec::new(),
                )
            })
            .map_err(|_| ()),
    };
    let Ok((mut fields, file)) = read else {
        return axum::response::IntoResponse::into_response(StatusCode::BAD_REQUEST);
    };
    // The page a form names beats the Referer, which is the server function's address when
    // the form was itself on an answered page.
    let page = fields
        .iter()
        .find(|(name, value)| {
            name == PAGE_FIELD && value.starts_with('/') && !value.starts_with("//")
        })
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(page);
    fields.retain(|(name, _)| name != PAGE_FIELD);
    let bytes: Vec<u8> = match upload {
        true => file,
        false => url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&fields)
            .finish()
            .into_bytes(),
    };
    let mut page_headers = parts.headers.clone();
    parts
        .headers
        .insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    if upload {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    let answer = next.run(Request::from_parts(parts, bytes.into())).await;
    let status = answer.status();
    let set_cookies: Vec<HeaderValue> = answer
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .cloned()
        .collect();
    let body = axum::body::to_bytes(answer.into_body(), ANSWER_LIMIT_BYTES)
        .await
        .unwrap_or_default();
    let echo = FormEcho {
        endpoint,
        fields,
        status: status.as_u16(),
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    let refused = !status.is_success() || answer_has_errors(&echo.body);

    for name in [header::CONTENT_TYPE, header::CONTENT_LENGTH, header::ORIGIN] {
        page_headers.remove(name);
    }
    let mut page_request = Request::new(Body::empty());
    *page_request.method_mut() = Method::GET;
    *page_request.uri_mut() = page;
    *page_request.headers_mut() = page_headers;
    let (db, site, options) = (
        state.db.clone(),
        state.site.clone(),
        state.leptos_options.clone(),
    );
    let render = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(db.clone());
            provide_context(site.clone());
            provide_context(echo.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut response = render(page_request).await;
    if refused && response.status().is_success() {
        *response.status_mut() = if status.is_success() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            status
        };
    }
    for cookie in set_cookies {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// The page a form was posted from, when the request is a browser's plain form post to a
/// server function from a page of this site.
fn page_of_plain_form(request: &Request, state: &AppState) -> Option<axum::http::Uri> {
    let headers = request.headers();
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let form = text(header::CONTENT_TYPE)
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"))
        || (request.uri().path() == IMPORT_ENDPOINT && is_upload(headers));
    let plain = request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && text(header::ACCEPT).is_some_and(|a| a.contains("text/html"))
        && form;
    if !plain || !state.site.allows_origin(text(header::ORIGIN)) {
        return None;
    }
    let referer = url::Url::parse(text(header::REFERER)?).ok()?;
    let path = match referer.query() {
        Some(query) => format!("{}?{query}", referer.path()),
        None => referer.path().to_owned(),
    };
    path.parse().ok()
}

/// Whether a request's body is a multipart upload (the import form's).
fn is_upload(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("multipart/form-data"))
}

/// An import form's upload: its text fields with the file's name as [`UPLOAD_FIELD`] (what the
/// page keeps), and the file's contents; an upload without the file has empty contents, which
/// the import refuses in words.
async fn read_upload(
    headers: &axum::http::HeaderMap,
    body: Body,
) -> Result<(Vec<(String, String)>, Vec<u8>), multer::Error> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary = multer::parse_boundary(content_type)?;
    let mut multipart = multer::Multipart::new(body.into_data_stream(), boundary);
    let (mut fields, mut file) = (Vec::new(), Vec::new());
    while let Some(field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == UPLOAD_FIELD {
            fields.push((name, field.file_name().unwrap_or_default().to_owned()));
            file = field.bytes().await?.to_vec();
        } else {
            let text = field.text().await?;
            fields.push((name, text));
        }
    }
    Ok((fields, file))
}

/// Whether a form's answer lists errors by field.
fn answer_has_errors(body: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|answer| {
            answer
                .get("errors")
                .and_then(|e| e.as_array())
                .map(|e| !e.is_empty())
        })
        .unwrap_or(false)
}
