//! JSON-RPC over stdio with `Content-Length` framing, sturdier than `lsp-server`'s own stdio
//! transport: a malformed frame or payload gets the protocol's error answer (`-32700` parse
//! error, `-32600` invalid request) and the reader carries on with the next message, where
//! the stock reader would stop. Well-formed messages reach the server through an in-memory
//! [`Connection`].

use lsp_server::{Connection, ErrorCode, Message};
use std::io::{self, BufRead, Read, Write};
use std::thread;

/// The largest message body accepted; a larger one is skipped and answered with an error.
pub const MAX_BODY_BYTES: usize = 256 * 1024 * 1024;
/// The largest header block accepted before the framing is declared broken.
const MAX_HEADER_BYTES: usize = 8 * 1024;

/// One frame read from the client.
#[derive(Debug)]
pub enum Frame {
    /// A well-formed message.
    Message(Message),
    /// A frame that could not be used, and the error answer it deserves.
    Malformed(String),
    /// The input ended.
    End,
}

/// Read the next frame. IO errors end the stream; everything else is a [`Frame`].
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut header_bytes = 0usize;
    let mut saw_header = false;
    let mut problem: Option<String> = None;
    loop {
        let mut line = Vec::new();
        let read = input
            .by_ref()
            .take((MAX_HEADER_BYTES + 1) as u64)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(Frame::End);
        }
        header_bytes += read;
        if header_bytes > MAX_HEADER_BYTES {
            return Ok(Frame::Malformed(error_response(
                None,
                ErrorCode::ParseError,
                "message header too long",
            )));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            // Blank lines between frames are tolerated.
            continue;
        }
        saw_header = true;
        let Some((name, value)) = text.split_once(':') else {
            problem = Some(format!("malformed header line `{}`", shorten(text)));
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(value) => length = Some(value),
                Err(_) => problem = Some(format!("bad Content-Length `{}`", shorten(value))),
            }
        }
    }
    let Some(length) = length else {
        let reason = problem.unwrap_or_else(|| "missing Content-Length header".to_string());
        return Ok(Frame::Malformed(error_response(
            None,
            ErrorCode::ParseError,
            &reason,
        )));
    };
    if length > MAX_BODY_BYTES {
        io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Frame::Malformed(error_response(
            None,
            ErrorCode::InvalidRequest,
            &format!("message of {length} bytes is larger than the limit of {MAX_BODY_BYTES}"),
        )));
    }
    // Grow the buffer as bytes arrive rather than trusting the header with one allocation.
    let mut body = Vec::new();
    input.by_ref().take(length as u64).read_to_end(&mut body)?;
    if body.len() < length {
        return Ok(Frame::End);
    }
    Ok(parse_body(&body))
}

/// Turn a message body into a message, or into the error answer it deserves.
pub fn parse_body(body: &[u8]) -> Frame {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(error) => {
            return Frame::Malformed(error_response(
                None,
                ErrorCode::ParseError,
                &format!("malformed JSON: {error}"),
            ));
        }
    };
    let id = value.get("id").cloned();
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Frame::Message(message),
        Err(error) => Frame::Malformed(error_response(
            id,
            ErrorCode::InvalidRequest,
            &format!("not a JSON-RPC request, response or notification: {error}"),
        )),
    }
}

/// A JSON-RPC error response; `id` is `null` when the request's id could not be read.
fn error_response(id: Option<serde_json::Value>, code: ErrorCode, message: &str) -> String {
    let id = match id {
        Some(id @ (serde_json::Value::Number(_) | serde_json::Value::String(_))) => id,
        _ => serde_json::Value::Null,
    };
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code as i32, "message": message},
    })
    .to_string()
}

fn shorten(text: &str) -> String {
    text.chars().take(60).collect()
}

/// Write one frame: the header, then the body.
pub fn write_frame(output: &mut impl Write, body: &str) -> io::Result<()> {
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

/// The threads of a stdio transport. The writer is joined at the end so that every answer
/// is written; the reader is left blocked on stdin (the process ends under it).
pub struct StdioThreads {
    writer: thread::JoinHandle<()>,
}

impl StdioThreads {
    /// Wait until every message the server sent is written.
    pub fn join(self) {
        let _ = self.writer.join();
    }
}

/// A connection over stdin and stdout.
pub fn stdio() -> io::Result<(Connection, StdioThreads)> {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    thread::Builder::new()
        .name("factlint-lsp-reader".to_string())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            loop {
                match read_frame(&mut input) {
                    Ok(Frame::Message(message)) => {
                        let is_exit =
                            matches!(&message, Message::Notification(n) if n.method == "exit");
                        if to_server.send(message).is_err() || is_exit {
                            return;
                        }
                    }
                    Ok(Frame::Malformed(answer)) => {
                        let stdout = io::stdout();
                        let mut output = stdout.lock();
                        if write_frame(&mut output, &answer).is_err() {
                            return;
                        }
                    }
                    Ok(Frame::End) | Err(_) => return,
                }
            }
        })?;
    let writer = thread::Builder::new()
        .name("factlint-lsp-writer".to_string())
        .spawn(move || {
            for message in from_server {
                let stdout = io::stdout();
                let mut output = stdout.lock();
                if message.write(&mut output).is_err() {
                    return;
                }
            }
        })?;
    Ok((server, StdioThreads { writer }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Frame> {
        let mut reader = io::Cursor::new(input.as_bytes().to_vec());
        let mut found = Vec::new();
        loop {
            match read_frame(&mut reader) {
                Ok(Frame::End) | Err(_) => return found,
                Ok(frame) => found.push(frame),
            }
        }
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_bad_body_is_answered_and_the_next_message_still_read() {
        let input =
            frame("{not json") + &frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
        let found = frames(&input);
        assert_eq!(found.len(), 2);
        match &found[0] {
            Frame::Malformed(answer) => {
                let answer: serde_json::Value = serde_json::from_str(answer).unwrap();
                assert_eq!(answer["error"]["code"], -32700);
                assert_eq!(answer["id"], serde_json::Value::Null);
            }
            other => panic!("expected an error answer, got {other:?}"),
        }
        assert!(
            matches!(&found[1], Frame::Message(Message::Notification(n)) if n.method == "initialized")
        );
    }

    #[test]
    fn a_request_without_a_method_keeps_its_id_in_the_answer() {
        let found = frames(&frame(r#"{"jsonrpc":"2.0","id":7,"params":{}}"#));
        match &found[..] {
            [Frame::Malformed(answer)] => {
                let answer: serde_json::Value = serde_json::from_str(answer).unwrap();
                assert_eq!(answer["id"], 7);
                assert_eq!(answer["error"]["code"], -32600);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_header_block_without_length_is_answered() {
        let input =
            "Content-Type: x\r\n\r\n".to_string() + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let found = frames(&input);
        assert!(matches!(&found[0], Frame::Malformed(_)));
        assert!(matches!(&found[1], Frame::Message(_)));
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_always_end() {
        // A small linear congruential generator: the same garbage every run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let pieces: [&[u8]; 8] = [
            b"Content-Length: ",
            b"12",
            b"\r\n",
            b"\r\n\r\n",
            b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}",
            b"[[[[[[[[",
            b"\xff\xfe",
            b"Content-Length: 999999999999999999999\r\n\r\n",
        ];
        for _ in 0..300 {
            let mut input = Vec::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let piece = pieces[(state >> 33) as usize % pieces.len()];
                input.extend_from_slice(piece);
            }
            let mut reader = io::Cursor::new(input);
            let mut frames = 0;
            while let Ok(frame) = read_frame(&mut reader) {
                if matches!(frame, Frame::End) {
                    break;
                }
                frames += 1;
                assert!(frames < 1000, "the reader must reach the end of its input");
            }
        }
    }

    #[test]
    fn truncated_input_ends_the_stream() {
        assert!(frames("Content-Length: 50\r\n\r\n{}").is_empty());
    }
}
