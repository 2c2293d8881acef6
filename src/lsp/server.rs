//! The session: the initialize handshake, the message loop, open documents, rule reloads.
//!
//! Bursts of changes are coalesced: every message already waiting is handled (changes are
//! applied to the text at once) before any draft is re-checked, so typing never queues up
//! checks. The engine is built once per rule set; a rule set that fails to load leaves the
//! last good one in place, and the editor is told why.

use super::checker::Checker;
use super::config::ServerConfig;
use super::convert;
use super::documents::{DocumentKind, OpenDocument};
use super::features;
use super::position::Encoding;
use super::uri::{path_of_str, uri_of};
use crate::load::{RuleErrors, compile_str, load_rules};
use crate::rules::RuleSet;
use crate::value::PartialDate;
use codespan_reporting::diagnostic::LabelStyle;
use codespan_reporting::files::Files;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, GotoDefinitionParams, GotoDefinitionResponse, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, MessageType, OneOf,
    PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri, notification, request,
};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The most messages handled in a row before open drafts are re-checked.
const BATCH_LIMIT: usize = 1000;

/// How the session ended: `0` after `shutdown` then `exit`, `1` when the client left
/// without asking for shutdown first (as the protocol prescribes).
pub type ExitStatus = u8;

/// Serve one client over `connection` until it exits or goes away.
pub fn serve(connection: &Connection) -> ExitStatus {
    let Some((id, params)) = wait_for_initialize(connection) else {
        return 1;
    };
    let mut session = Session::new(&params);
    let result = InitializeResult {
        capabilities: capabilities(session.encoding),
        server_info: Some(ServerInfo {
            name: "factlint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    let answer = serde_json::to_value(result).unwrap_or_default();
    if connection
        .sender
        .send(Response::new_ok(id, answer).into())
        .is_err()
    {
        return 1;
    }
    if watches_files(&params) {
        register_rule_watchers(connection);
    }
    let mut rules = session.initial_rules(connection);
    loop {
        let checker = Checker::new(&rules);
        match session.run(connection, &checker) {
            Step::Exit(status) => return status,
            Step::Reload(new_rules) => rules = new_rules,
        }
    }
}

/// What the server offers.
pub fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            work_done_progress_options: Default::default(),
            resolve_provider: None,
        })),
        ..ServerCapabilities::default()
    }
}

/// Whether the client can be asked to watch files for the server.
fn watches_files(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|workspace| workspace.did_change_watched_files.as_ref())
        .and_then(|watched| watched.dynamic_registration)
        .unwrap_or(false)
}

/// Ask the client to report changes to rule files and `factlint.toml` made outside the
/// editor (a `git pull`), so that the rules are reloaded then too. The client's answer
/// needs no handling.
fn register_rule_watchers(connection: &Connection) {
    let watcher = |pattern: &str| lsp_types::FileSystemWatcher {
        glob_pattern: lsp_types::GlobPattern::String(pattern.to_string()),
        kind: None,
    };
    let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![
            watcher("**/*.facts"),
            watcher(&format!("**/{}", super::config::CONFIG_FILE)),
        ],
    };
    let params = lsp_types::RegistrationParams {
        registrations: vec![lsp_types::Registration {
            id: "factlint-rule-files".to_string(),
            method: notification::DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    let request = Request::new(
        RequestId::from("factlint-register-watchers".to_string()),
        request::RegisterCapability::METHOD.to_string(),
        params,
    );
    let _ = connection.sender.send(request.into());
}

/// Answer everything before `initialize` with "not initialized"; `None` if the client exits
/// or goes away first.
fn wait_for_initialize(connection: &Connection) -> Option<(RequestId, InitializeParams)> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(request) if request.method == request::Initialize::METHOD => {
                match serde_json::from_value::<InitializeParams>(request.params) {
                    Ok(params) => return Some((request.id, params)),
                    Err(error) => {
                        let answer = Response::new_err(
                            request.id,
                            ErrorCode::InvalidParams as i32,
                            format!("bad initialize parameters: {error}"),
                        );
                        connection.sender.send(answer.into()).ok()?;
                    }
                }
            }
            Message::Request(request) => {
                let answer = Response::new_err(
                    request.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized yet".to_string(),
                );
                connection.sender.send(answer.into()).ok()?;
            }
            Message::Notification(notification)
                if notification.method == notification::Exit::METHOD =>
            {
                return None;
            }
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
}

/// What [`Session::run`] returns to the loop that owns the rules.
enum Step {
    Exit(ExitStatus),
    /// A new rule set loaded; build a checker over it and carry on.
    Reload(RuleSet),
}

/// What handling one message asks for.
enum Flow {
    Continue,
    Exit(ExitStatus),
    Reload(RuleSet),
}

/// Everything the server knows between messages, apart from the rule set itself.
pub struct Session {
    pub encoding: Encoding,
    root: PathBuf,
    config: ServerConfig,
    config_error: Option<String>,
    documents: HashMap<String, OpenDocument>,
    /// Files that carry rule-file diagnostics in the editor now.
    rule_diagnostic_uris: HashSet<String>,
    /// Messages taken from the channel and not handled yet.
    queue: VecDeque<Message>,
    shutdown: bool,
}

impl Session {
    fn new(params: &InitializeParams) -> Session {
        let encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|general| general.position_encodings.as_deref()),
        );
        let root = workspace_root(params);
        let (config, config_error) = match ServerConfig::discover(&root) {
            Ok(config) => (config, None),
            Err(error) => (
                ServerConfig {
                    file: None,
                    rule_paths: vec![root.join(crate::load::DEFAULT_RULES_PATH)],
                    date: None,
                },
                Some(error),
            ),
        };
        Session {
            encoding,
            root,
            config,
            config_error,
            documents: HashMap::new(),
            rule_diagnostic_uris: HashSet::new(),
            queue: VecDeque::new(),
            shutdown: false,
        }
    }

    /// The document date of drafts without front matter `date:`: the configured one, else
    /// today (asked each time, so that a server left running over midnight moves on).
    fn default_date(&self) -> PartialDate {
        self.config.date.unwrap_or_else(PartialDate::today)
    }

    /// The first rule set: the configured one, or an empty one (and a message) if it is
    /// invalid.
    fn initial_rules(&mut self, connection: &Connection) -> RuleSet {
        if let Some(error) = self.config_error.take() {
            show_message(connection, MessageType::ERROR, format!("factlint: {error}"));
        }
        match load_rules(&self.config.rule_paths) {
            Ok(rules) => rules,
            Err(errors) => {
                show_message(
                    connection,
                    MessageType::ERROR,
                    format!(
                        "factlint: {} in the rule files; no rules are loaded until they are fixed\n{}",
                        count_errors(errors.len()),
                        errors.io_errors.join("\n")
                    )
                    .trim_end()
                    .to_string(),
                );
                self.publish_rule_errors(connection, Some(&errors));
                RuleSet::default()
            }
        }
    }

    /// Handle messages until the client exits or the rule set changes.
    fn run(&mut self, connection: &Connection, checker: &Checker<'_>) -> Step {
        let mut handled = 0usize;
        loop {
            while let Some(message) = self.queue.pop_front() {
                handled += 1;
                match self.handle(connection, checker, message) {
                    Flow::Continue => {}
                    Flow::Exit(status) => return Step::Exit(status),
                    Flow::Reload(rules) => {
                        for document in self.documents.values_mut() {
                            if matches!(document.kind, DocumentKind::Draft(_)) {
                                document.findings = None;
                                document.dirty = true;
                            }
                        }
                        return Step::Reload(rules);
                    }
                }
            }
            // Take in whatever arrived meanwhile before re-checking, so that a burst of
            // keystrokes is one check; a client that never pauses still gets diagnostics
            // every `BATCH_LIMIT` messages.
            if handled < BATCH_LIMIT {
                self.queue.extend(connection.receiver.try_iter());
                if !self.queue.is_empty() {
                    continue;
                }
            }
            handled = 0;
            self.publish_dirty(connection, checker);
            match connection.receiver.recv() {
                Ok(message) => self.queue.push_back(message),
                Err(_) => return Step::Exit(if self.shutdown { 0 } else { 1 }),
            }
            self.queue.extend(connection.receiver.try_iter());
        }
    }

    fn handle(&mut self, connection: &Connection, checker: &Checker<'_>, message: Message) -> Flow {
        match message {
            Message::Request(request) => {
                let response = self.answer(checker, request);
                let _ = connection.sender.send(response.into());
                Flow::Continue
            }
            Message::Notification(notification) => self.notice(connection, notification),
            Message::Response(_) => Flow::Continue,
        }
    }

    fn answer(&mut self, checker: &Checker<'_>, request: Request) -> Response {
        let id = request.id.clone();
        if self.shutdown {
            return Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".to_string(),
            );
        }
        let encoding = self.encoding;
        let result = match request.method.as_str() {
            request::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(serde_json::Value::Null)
            }
            request::Initialize::METHOD => Err((
                ErrorCode::InvalidRequest,
                "the server is already initialized".to_string(),
            )),
            request::HoverRequest::METHOD => {
                parse::<HoverParams>(request.params).and_then(|params| {
                    let position = params.text_document_position_params;
                    let (document, findings) =
                        self.findings(checker, &position.text_document.uri)?;
                    let offset = document.positions(encoding).offset(position.position);
                    let hover = features::hover(checker, document, &findings, offset, encoding);
                    Ok(serde_json::to_value(hover).unwrap_or_default())
                })
            }
            request::GotoDefinition::METHOD => parse::<GotoDefinitionParams>(request.params)
                .and_then(|params| {
                    let position = params.text_document_position_params;
                    let (document, findings) =
                        self.findings(checker, &position.text_document.uri)?;
                    let offset = document.positions(encoding).offset(position.position);
                    let location =
                        features::definition(checker, document, &findings, offset, encoding)
                            .map(GotoDefinitionResponse::Scalar);
                    Ok(serde_json::to_value(location).unwrap_or_default())
                }),
            request::CodeActionRequest::METHOD => parse::<CodeActionParams>(request.params)
                .and_then(|params| {
                    let (document, findings) = self.findings(checker, &params.text_document.uri)?;
                    let span = document.positions(encoding).span(params.range);
                    let actions = features::code_actions(
                        checker,
                        document,
                        &findings,
                        span,
                        params.context.only.as_deref(),
                        encoding,
                    );
                    Ok(serde_json::to_value(actions).unwrap_or_default())
                }),
            other => Err((
                ErrorCode::MethodNotFound,
                format!("factlint does not handle `{other}`"),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// An open draft and its findings (computed now if the text changed).
    fn findings(
        &mut self,
        checker: &Checker<'_>,
        uri: &Uri,
    ) -> Result<(&OpenDocument, Vec<crate::diagnostic::Diagnostic>), (ErrorCode, String)> {
        let default_date = self.default_date();
        let document = self.documents.get_mut(uri.as_str()).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                format!("unknown document {}: it was never opened", uri.as_str()),
            )
        })?;
        let findings = match (document.kind, &document.findings) {
            (DocumentKind::Draft(_), Some(findings)) => findings.clone(),
            (DocumentKind::Draft(format), None) => {
                let findings = checker.check(&document.text, format, default_date);
                document.findings = Some(findings.clone());
                findings
            }
            (DocumentKind::Rules | DocumentKind::Config, _) => Vec::new(),
        };
        Ok((document, findings))
    }

    fn notice(&mut self, connection: &Connection, notification: Notification) -> Flow {
        match notification.method.as_str() {
            notification::Exit::METHOD => Flow::Exit(if self.shutdown { 0 } else { 1 }),
            notification::DidOpenTextDocument::METHOD => {
                let Ok(params) = parse::<DidOpenTextDocumentParams>(notification.params) else {
                    return Flow::Continue;
                };
                let item = params.text_document;
                let kind = DocumentKind::classify(item.uri.as_str(), &item.language_id);
                let document = OpenDocument::new(item.uri.clone(), kind, item.version, item.text);
                self.documents
                    .insert(item.uri.as_str().to_string(), document);
                if kind == DocumentKind::Rules {
                    self.refresh_rule_diagnostics(connection);
                }
                Flow::Continue
            }
            notification::DidChangeTextDocument::METHOD => {
                let Ok(params) = parse::<DidChangeTextDocumentParams>(notification.params) else {
                    return Flow::Continue;
                };
                let encoding = self.encoding;
                if let Some(document) = self.documents.get_mut(params.text_document.uri.as_str()) {
                    document.apply_changes(
                        params.text_document.version,
                        params.content_changes,
                        encoding,
                    );
                }
                Flow::Continue
            }
            notification::DidCloseTextDocument::METHOD => {
                let Ok(params) = parse::<DidCloseTextDocumentParams>(notification.params) else {
                    return Flow::Continue;
                };
                let uri = params.text_document.uri;
                if let Some(document) = self.documents.remove(uri.as_str()) {
                    let keep = document.kind == DocumentKind::Rules
                        && self.rule_diagnostic_uris.contains(uri.as_str());
                    if !keep {
                        publish(connection, uri, Vec::new(), None);
                    }
                }
                Flow::Continue
            }
            notification::DidSaveTextDocument::METHOD => {
                let Ok(params) = parse::<DidSaveTextDocumentParams>(notification.params) else {
                    return Flow::Continue;
                };
                let uri = params.text_document.uri;
                let kind = self
                    .documents
                    .get(uri.as_str())
                    .map(|document| document.kind)
                    .unwrap_or_else(|| DocumentKind::classify(uri.as_str(), ""));
                match kind {
                    DocumentKind::Rules => self.reload(connection),
                    DocumentKind::Config => {
                        self.reread_config(connection);
                        self.reload(connection)
                    }
                    DocumentKind::Draft(_) => Flow::Continue,
                }
            }
            notification::DidChangeWatchedFiles::METHOD => {
                let touched_rules = notification
                    .params
                    .get("changes")
                    .and_then(|changes| changes.as_array())
                    .is_some_and(|changes| {
                        changes.iter().any(|change| {
                            change
                                .get("uri")
                                .and_then(|uri| uri.as_str())
                                .is_some_and(|uri| {
                                    uri.ends_with(".facts")
                                        || uri.ends_with(super::config::CONFIG_FILE)
                                })
                        })
                    });
                if touched_rules {
                    self.reread_config(connection);
                    self.reload(connection)
                } else {
                    Flow::Continue
                }
            }
            _ => Flow::Continue,
        }
    }

    fn reread_config(&mut self, connection: &Connection) {
        match ServerConfig::discover(&self.root) {
            Ok(config) => {
                if config != self.config {
                    for document in self.documents.values_mut() {
                        document.findings = None;
                        document.dirty = true;
                    }
                }
                self.config = config;
            }
            Err(error) => show_message(
                connection,
                MessageType::ERROR,
                format!("factlint: {error}; keeping the previous settings"),
            ),
        }
    }

    /// Load the rule set from disk: a new one to switch to, or the errors shown and the
    /// current one kept.
    fn reload(&mut self, connection: &Connection) -> Flow {
        match load_rules(&self.config.rule_paths) {
            Ok(rules) => {
                self.publish_rule_errors(connection, None);
                log_message(
                    connection,
                    format!(
                        "factlint: rules reloaded ({} facts, {} entities)",
                        rules.facts.len(),
                        rules.entities.len()
                    ),
                );
                Flow::Reload(rules)
            }
            Err(errors) => {
                let mut message = format!(
                    "factlint: {} in the rule files; still checking with the last good rules",
                    count_errors(errors.len())
                );
                for error in &errors.io_errors {
                    message.push('\n');
                    message.push_str(error);
                }
                show_message(connection, MessageType::WARNING, message);
                self.publish_rule_errors(connection, Some(&errors));
                Flow::Continue
            }
        }
    }

    /// Re-read the rule set from disk only to show its errors (for a rule file just opened).
    fn refresh_rule_diagnostics(&mut self, connection: &Connection) {
        let errors = load_rules(&self.config.rule_paths).err();
        self.publish_rule_errors(connection, errors.as_ref());
    }

    /// Publish the errors of a rule-set load (none: all clear), plus those of open rule files
    /// that are not part of the configured set (each compiled on its own), and clear files
    /// that no longer have any.
    fn publish_rule_errors(&mut self, connection: &Connection, errors: Option<&RuleErrors>) {
        let mut by_uri: BTreeMap<String, (Uri, Vec<lsp_types::Diagnostic>)> = BTreeMap::new();
        let mut covered: HashSet<PathBuf> = HashSet::new();
        if let Some(errors) = errors {
            collect_rule_errors(errors, self.encoding, &mut by_uri, &mut covered);
        }
        let configured: HashSet<PathBuf> = configured_rule_files(&self.config.rule_paths);
        for document in self.documents.values_mut() {
            if document.kind != DocumentKind::Rules {
                continue;
            }
            // What is published here supersedes the syntax-only check of the text.
            document.dirty = false;
            let Some(path) = &document.path else {
                continue;
            };
            let key = canonical(path);
            if covered.contains(&key) || configured.contains(&key) {
                by_uri
                    .entry(document.uri.as_str().to_string())
                    .or_insert_with(|| (document.uri.clone(), Vec::new()));
                continue;
            }
            let shown = path.to_string_lossy();
            match compile_str(&shown, &document.text) {
                Ok(_) => {
                    by_uri
                        .entry(document.uri.as_str().to_string())
                        .or_insert_with(|| (document.uri.clone(), Vec::new()));
                }
                Err(errors) => {
                    let mut ignored = HashSet::new();
                    collect_rule_errors(&errors, self.encoding, &mut by_uri, &mut ignored);
                }
            }
        }
        let previous = std::mem::take(&mut self.rule_diagnostic_uris);
        for key in previous {
            if !by_uri.contains_key(&key)
                && let Ok(uri) = Uri::from_str(&key)
            {
                publish(connection, uri, Vec::new(), None);
            }
        }
        for (key, (uri, diagnostics)) in by_uri {
            if !diagnostics.is_empty() {
                self.rule_diagnostic_uris.insert(key.clone());
            }
            let version = self.documents.get(&key).map(|document| document.version);
            publish(connection, uri, diagnostics, version);
        }
    }

    /// Re-check and publish every draft changed since the last time.
    fn publish_dirty(&mut self, connection: &Connection, checker: &Checker<'_>) {
        let default_date = self.default_date();
        let encoding = self.encoding;
        for document in self.documents.values_mut() {
            if !document.dirty {
                continue;
            }
            document.dirty = false;
            let DocumentKind::Draft(format) = document.kind else {
                if document.kind == DocumentKind::Rules {
                    // Between saves, only syntax is checked against the text being typed.
                    let diagnostics = syntax_diagnostics(document, encoding);
                    publish(
                        connection,
                        document.uri.clone(),
                        diagnostics,
                        Some(document.version),
                    );
                }
                continue;
            };
            let findings = match &document.findings {
                Some(findings) => findings.clone(),
                None => checker.check(&document.text, format, default_date),
            };
            let positions = document.positions(encoding);
            let diagnostics = findings
                .iter()
                .map(|finding| convert::finding(checker, &document.uri, positions, finding))
                .collect();
            document.findings = Some(findings);
            publish(
                connection,
                document.uri.clone(),
                diagnostics,
                Some(document.version),
            );
        }
    }
}

/// Syntax errors of a rule file's current text.
fn syntax_diagnostics(document: &OpenDocument, encoding: Encoding) -> Vec<lsp_types::Diagnostic> {
    let (_, errors) = crate::dsl::parse(&document.text);
    errors
        .iter()
        .map(|error| {
            convert::rule_error(
                &error.to_diagnostic(0),
                &document.uri,
                &document.text,
                encoding,
                &|_| None,
                0,
            )
        })
        .collect()
}

/// Group the errors of a load by the file of their primary label.
fn collect_rule_errors(
    errors: &RuleErrors,
    encoding: Encoding,
    by_uri: &mut BTreeMap<String, (Uri, Vec<lsp_types::Diagnostic>)>,
    covered: &mut HashSet<PathBuf>,
) {
    let file_of = |id: usize| -> Option<(Uri, String, PathBuf)> {
        let name = errors.files.name(id).ok()?;
        let text = errors.files.source(id).ok()?;
        let path = absolute(Path::new(&name));
        let uri = uri_of(&path)?;
        Some((uri, text.to_string(), path))
    };
    let mut id = 0;
    while let Some((_, _, path)) = file_of(id) {
        covered.insert(canonical(&path));
        id += 1;
    }
    let other = |id: usize| file_of(id).map(|(uri, text, _)| (uri, text));
    for error in &errors.diagnostics {
        let primary = error
            .labels
            .iter()
            .find(|label| label.style == LabelStyle::Primary)
            .or_else(|| error.labels.first());
        let Some(file) = primary.map(|label| label.file_id) else {
            continue;
        };
        let Some((uri, text, _)) = file_of(file) else {
            continue;
        };
        let diagnostic = convert::rule_error(error, &uri, &text, encoding, &other, file);
        by_uri
            .entry(uri.as_str().to_string())
            .or_insert_with(|| (uri.clone(), Vec::new()))
            .1
            .push(diagnostic);
    }
}

/// Every rule file the configured paths name (folders walked for `*.facts`).
fn configured_rule_files(paths: &[PathBuf]) -> HashSet<PathBuf> {
    let mut found = HashSet::new();
    let mut pending: Vec<PathBuf> = paths.to_vec();
    let mut budget = 100_000usize;
    while let Some(path) = pending.pop() {
        budget = budget.saturating_sub(1);
        if budget == 0 {
            break;
        }
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                pending.extend(entries.flatten().map(|entry| entry.path()));
            }
        } else if path
            .extension()
            .is_some_and(|extension| extension == "facts")
        {
            found.insert(canonical(&path));
        }
    }
    found
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn count_errors(count: usize) -> String {
    if count == 1 {
        "1 error".to_string()
    } else {
        format!("{count} errors")
    }
}

/// The workspace root: the first workspace folder, else the root URI or path, else the
/// current folder.
#[allow(deprecated)]
fn workspace_root(params: &InitializeParams) -> PathBuf {
    params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .and_then(|folder| path_of_str(folder.uri.as_str()))
        .or_else(|| {
            params
                .root_uri
                .as_ref()
                .and_then(|uri| path_of_str(uri.as_str()))
        })
        .or_else(|| params.root_path.as_ref().map(PathBuf::from))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

fn parse<T: serde::de::DeserializeOwned>(
    params: serde_json::Value,
) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(params)
        .map_err(|error| (ErrorCode::InvalidParams, format!("bad parameters: {error}")))
}

fn publish(
    connection: &Connection,
    uri: Uri,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    send_notification::<notification::PublishDiagnostics>(connection, params);
}

fn show_message(connection: &Connection, typ: MessageType, message: String) {
    send_notification::<notification::ShowMessage>(connection, ShowMessageParams { typ, message });
}

fn log_message(connection: &Connection, message: String) {
    send_notification::<notification::LogMessage>(
        connection,
        lsp_types::LogMessageParams {
            typ: MessageType::INFO,
            message,
        },
    );
}

fn send_notification<N: lsp_types::notification::Notification>(
    connection: &Connection,
    params: N::Params,
) {
    let notification = Notification::new(N::METHOD.to_string(), params);
    let _ = connection.sender.send(notification.into());
}
