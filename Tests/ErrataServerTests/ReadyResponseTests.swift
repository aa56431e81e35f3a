@testable import ErrataServer
import ErrataCore
import ErrataStore
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOEmbedded
import Testing

/// Plain reads are answered from ready responses straight from the connection's bytes; anything
/// else goes to the HTTP decoder. What they answer is checked byte for byte against the router in
/// ``EventLoopReadEquivalenceTests``; here: what is read as plain, that the ready path is taken and
/// reused, that a publish empties it, and the connection's timing rules.
@Suite struct ReadyResponseTests {
    // MARK: - Reading a head

    static func scan(_ text: String) -> PlainRequestHead.Scan {
        PlainRequestHead.scan(ByteBuffer(string: text))
    }

    @Test func aPlainGETIsReadWithTheHeadersItsAnswerDependsOn() throws {
        let text = "GET /v1/errors/NoSuchKey?locale=fr HTTP/1.1\r\nHost: x\r\naccept-LANGUAGE:zh-CN,en;q=0.8\r\nIf-None-Match: \"r1-en\"\r\n"
            + "User-Agent: wrk\r\nOrigin: https://a.example\r\nX-Request-ID: abc\r\nAccept-Encoding: gzip\r\n\r\nGET /next"
        guard case .plain(let head) = Self.scan(text) else { Issue.record("not plain"); return }
        #expect(head.method == .get && head.target == "/v1/errors/NoSuchKey?locale=fr")
        #expect(head.acceptLanguage == "zh-CN,en;q=0.8" && head.ifNoneMatch == "\"r1-en\"" && head.origin == "https://a.example")
        #expect(head.requestID == "abc" && head.acceptEncoding == "gzip")
        #expect(head.length == text.utf8.count - "GET /next".utf8.count)
        guard case .plain(let bare) = Self.scan("HEAD /v1/locales HTTP/1.1\r\n\r\n") else { Issue.record("not plain"); return }
        #expect(bare.method == .head && bare.acceptLanguage == nil && bare.length == 29)
    }

    @Test func aPOSTIsReadWithItsBodyLengthAndType() throws {
        guard case .plain(let head) = Self.scan("POST /rpc HTTP/1.1\r\nContent-Type: application/json\r\ncontent-length: 042\r\n\r\n{") else {
            Issue.record("not plain")
            return
        }
        #expect(head.method == .post && head.target == "/rpc" && head.contentType == "application/json" && head.contentLength == 42)
        #expect(head.request.headerFields[.contentLength] == "42")
    }

    /// The key tells apart what the answer depends on, and nothing else.
    @Test func answerKeysDifferExactlyWhereAnswersMay() throws {
        func key(_ text: String) throws -> [UInt8] {
            guard case .plain(let head) = Self.scan(text + "\r\n") else { throw POSIXError(.EINVAL) }
            return head.answerKey
        }
        let plain = try key("GET /v1/locales HTTP/1.1\r\nHost: a\r\n")
        #expect(try key("GET /v1/locales HTTP/1.1\r\nHost: b\r\nUser-Agent: c\r\nX-Request-ID: d\r\n") == plain)
        #expect(try key("HEAD /v1/locales HTTP/1.1\r\n") != plain)
        #expect(try key("GET /v1/locales? HTTP/1.1\r\n") != plain)
        let variants = ["Accept-Language: en", "Accept-Encoding: en", "If-None-Match: en", "Origin: en"].map { "GET /v1/locales HTTP/1.1\r\n\($0)\r\n" }
        #expect(Set(try variants.map(key)).count == 4)
        #expect(try !variants.map(key).contains(plain))
    }

    @Test(arguments: [
        "PUT /v1/errors HTTP/1.1\r\n\r\n", "POST /rpc HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n",
        "POST /rpc HTTP/1.1\r\nContent-Length: -2\r\n\r\n", "POST /rpc HTTP/1.1\r\nContent-Length: 1234567890\r\n\r\n", "GET /v1/errors HTTP/1.0\r\n\r\n", "GET /v1/errors HTTP/1.1\n\n", "GET /v1/errors HTTP/1.1\r\nA: b\n\r\n", "GET /v1/errors HTTP/1.1\r\nA: b\rc", "GET /v1/errors HTTP/1.1\r\nA: b\n",
        "GET  /v1/errors HTTP/1.1\r\n\r\n", "GET v1/errors HTTP/1.1\r\n\r\n", "GET /v1/errors#x HTTP/1.1\r\n\r\n", "get /v1/errors HTTP/1.1\r\n\r\n",
        "GET /v1/errors HTTP/1.1\r\nA: b\r\n c\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nA : b\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nA: b \r\n\r\n",
        "GET /v1/errors HTTP/1.1\r\nA:\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nA: caf\u{E9}\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nA: b\u{0}c\r\n\r\n",
        "GET /v1/errors HTTP/1.1\r\nAccept-Language: en\r\naccept-language: fr\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "GET /v1/errors HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nConnection: keep-alive\r\n\r\n",
        "GET /v1/errors HTTP/1.1\r\nExpect: 100-continue\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nUpgrade: h2c\r\n\r\n",
        "GET /v1/errors HTTP/1.1\r\nAuthorization: Bearer x\r\n\r\n", "GET /v1/errors HTTP/1.1\r\nX: " + String(repeating: "a", count: 5000) + "\r\n\r\n",
        "GET /v1/errors HTTP/1.1\r\nX: " + String(repeating: "a", count: 5000),
    ])
    func whatIsNotPlainGoesToTheDecoder(text: String) {
        guard case .handOver = Self.scan(text) else {
            Issue.record("\(text.prefix(80).debugDescription) was not handed over")
            return
        }
    }

    @Test(arguments: ["", "G", "GET /v1/errors HTTP/1.1\r\n", "GET /v1/errors HTTP/1.1\r\nHost: x\r\n\r"])
    func anUnfinishedHeadIsWaitedFor(text: String) {
        guard case .incomplete = Self.scan(text) else {
            Issue.record("\(text.debugDescription) was not incomplete")
            return
        }
    }

    // MARK: - Answering

    /// The same read on one connection is made once and then reused, with its own id each time;
    /// a read the router answers (an unknown code) sends the connection to the decoder, which still answers.
    @Test func aReadyAnswerIsMadeOnceAndReused() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            var ids: Set<String> = []
            for _ in 0..<5 {
                await connection.send(Array("GET /v1/errors/NoSuchKey HTTP/1.1\r\nHost: x\r\nAccept-Language: ja\r\n\r\n".utf8))
                let answer = await connection.receive()
                #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.contains("Content-Language: ja\r\n"), "\(answer.prefix(300))")
                ids.insert(try #require(answer.firstMatch(of: /X-Request-ID: ([0-9a-f]{32})\r\n/)).1.description)
            }
            #expect(ids.count == 5)
            await connection.send(Array("GET /v1/errors/NoSuchKye HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/errors/NoSuchKey HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            var answers = await connection.receive()
            while answers.components(separatedBy: "HTTP/1.1 ").count < 3, !answers.isEmpty { answers += await connection.receive() }
            #expect(answers.hasPrefix("HTTP/1.1 404") && answers.contains("}HTTP/1.1 200 OK\r\n"), "\(answers)")
            let metrics = try PrometheusText(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
            #expect(metrics.value("errata_ready_responses_made_total") == 1)
            #expect(metrics.value("errata_http_requests_total", ["route": "/v1/errors/{code}", "method": "GET", "status": "200"]) == 6)
        }
    }

    /// An error's page is a ready answer too, made once per locale; an unknown code's 404 page is the router's.
    @Test func anErrorPageIsMadeOnceAndItsNotFoundPageIsTheRouters() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            for _ in 0..<3 {
                await connection.send(Array("GET /docs/errors/NoSuchKey HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-TW\r\n\r\n".utf8))
                var answer = await connection.receive()
                while !answer.contains("</html>"), !answer.isEmpty { answer += await connection.receive() }
                #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.contains("Content-Language: zh-Hant\r\n"), "\(answer.prefix(300))")
                #expect(answer.contains("Content-Security-Policy: default-src 'none'"))
            }
            let missing = try await client.execute(uri: "/docs/errors/NoSuchKye", method: .get)
            #expect(missing.status == .notFound && missing.headers[.contentType] == "text/html; charset=utf-8")
            let metrics = try PrometheusText(String(buffer: try await client.execute(uri: "/metrics", method: .get).body))
            #expect(metrics.value("errata_ready_responses_made_total") == 1)
            #expect(metrics.value("errata_http_requests_total", ["route": "/docs/errors/{code}", "method": "GET", "status": "200"]) == 3)
            #expect(metrics.value("errata_http_requests_total", ["route": "/docs/errors/{code}", "method": "GET", "status": "404"]) == 1)
        }
    }

    /// A ready answer's request id — the one given when usable, else one made on the event loop —
    /// is the one its log line carries.
    @Test(arguments: [nil, "trace-7", "has space"])
    func theRequestIDAnsweredIsTheOneLogged(sent: String?) async throws {
        let service = try await TestService()
        let log = RequestLogTests.CapturedLog()
        try await service.test(.live, logger: log.logger) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            await connection.send(Array("GET /v1/locales HTTP/1.1\r\nHost: x\r\n\(sent.map { "X-Request-ID: \($0)\r\n" } ?? "")\r\n".utf8))
            let answer = await connection.receive()
            let id = try #require(answer.firstMatch(of: /\r\nX-Request-ID: ([^\r]+)\r\n/)).1.description
            #expect(sent == "trace-7" ? id == "trace-7" : id.wholeMatch(of: /[0-9a-f]{32}/) != nil, "\(id)")
            let line = try #require(try log.entries("Request", where: "hb.request.id", is: id).only)
            #expect(line["metadata"]?["http.route"] == "/v1/locales")
        }
    }

    /// Ready answers are bounded: one over ``ReadyResponses/largestKept`` is not kept, and past
    /// ``ReadyResponses/maximumCount`` answers the memo starts again empty.
    @Test func readyAnswersAreBounded() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let responses = ReadyResponses(live: service.live, metrics: ServerMetrics())
        func answer(bodySize: Int) throws -> ReadyResponse {
            let fields: HTTPFields = [.contentLength: String(bodySize), .requestID: "-", .date: "-"]
            return try #require(
                ReadyResponse(HTTPResponse(status: .ok, headerFields: fields), body: ByteBuffer(repeating: 0x20, count: bodySize), method: .get, route: "/", loggedBytes: bodySize)
            )
        }
        responses.keep(try answer(bodySize: ReadyResponses.largestKept + 1), for: [1])
        #expect(responses[[1]] == nil)
        let small = try answer(bodySize: 10)
        for index in 0..<ReadyResponses.maximumCount {
            responses.keep(small, for: [2, UInt8(index % 256), UInt8(index / 256)])
        }
        #expect(responses[[2, 0, 0]] != nil)
        responses.keep(small, for: [3])
        #expect(responses[[3]] != nil && responses[[2, 0, 0]] == nil)
    }

    /// A connection kept open across a publish gets the new revision's answer at once.
    @Test func aPublishEmptiesTheReadyAnswers() async throws {
        let service = try await TestService()
        try await service.test(.live) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            let request = Array("GET /v1/errors/NoSuchKey HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
            await connection.send(request)
            #expect(await connection.receive().contains("ETag: \"r1-en\"\r\n"))
            let entry = try service.live.served.snapshot.entry(code: ErrorCode("NoSuchKey"), variant: nil)
            _ = try await service.edits.setText(
                TextKey(entry: entry.key, locale: .english, field: .message), to: "Gone.", expected: .version(1), publish: true, note: "p", by: TestService.root
            )
            await connection.send(request)
            let answer = await connection.receive()
            #expect(answer.contains("ETag: \"r2-en\"\r\n") && answer.contains(#""message":"Gone.""#), "\(answer)")
        }
    }

    /// Answers from ready responses count as activity for ``RequestDeadlineHandler``, which never
    /// sees their requests: the deadline moves to a timeout after the last one (on an embedded
    /// event loop, whose clock the test moves).
    @Test func readyAnswersMoveTheRequestDeadline() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let loop = EmbeddedEventLoop()
        let channel = EmbeddedChannel(loop: loop)
        let deadline = RequestDeadlineHandler(timeout: .seconds(1))
        let ready = ReadyResponseHandler(reads: EventLoopRPCEquivalenceTests.reads(service), responses: ReadyResponses(live: service.live, metrics: ServerMetrics()), deadline: deadline)
        try channel.pipeline.syncOperations.addHandlers(ready, deadline)
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 80)).get()
        loop.advanceTime(by: .milliseconds(900))
        try channel.writeInbound(ByteBuffer(string: "GET /v1/locales HTTP/1.1\r\nHost: x\r\n\r\n"))
        guard case .byteBuffer(let head) = try channel.readOutbound(as: IOData.self) else { throw POSIXError(.EIO) }
        #expect(String(buffer: head).hasPrefix("HTTP/1.1 200 OK\r\n"))
        loop.advanceTime(by: .milliseconds(900))
        #expect(channel.isActive, "closed 0.9 s after an answer, with a 1 s timeout")
        loop.advanceTime(by: .milliseconds(200))
        #expect(!channel.isActive, "still open 1.1 s after the last answer")
    }

    /// A `POST /rpc` of immediate calls is answered once its body is in; one with a call that
    /// suspends goes whole to the decoder, and so does everything after it.
    @Test func plainRPCBodiesAreAnsweredAndOthersGoToTheDecoder() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let channel = EmbeddedChannel()
        let deadline = RequestDeadlineHandler(timeout: .seconds(60))  // only told of answers: not in the pipeline
        try channel.pipeline.syncOperations.addHandler(
            ReadyResponseHandler(reads: EventLoopRPCEquivalenceTests.reads(service), responses: ReadyResponses(live: service.live, metrics: ServerMetrics()), deadline: deadline)
        )
        func post(_ body: String) -> String {
            "POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        }
        let describe = post(#"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey","locale":"ko"},"id":7}"#)
        try channel.writeInbound(ByteBuffer(string: String(describe.dropLast(10))))
        #expect(try channel.readOutbound(as: IOData.self) == nil, "answered before the body was in")
        try channel.writeInbound(ByteBuffer(string: String(describe.suffix(10))))
        guard case .byteBuffer(let head) = try channel.readOutbound(as: IOData.self), case .byteBuffer(let body) = try channel.readOutbound(as: IOData.self)
        else { throw POSIXError(.EIO) }
        #expect(String(buffer: head).hasPrefix("HTTP/1.1 200 OK\r\n") && String(buffer: head).contains("Content-Length: \(body.readableBytes)\r\n"))
        #expect(String(buffer: body).contains(#""locale":"ko""#) && String(buffer: body).hasSuffix(#","id":7}"#))
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil)

        let admin = post(#"{"jsonrpc":"2.0","method":"admin.draft","params":{},"id":8}"#)
        let read = "GET /v1/locales HTTP/1.1\r\nHost: x\r\n\r\n"
        try channel.writeInbound(ByteBuffer(string: admin + read))
        #expect(try channel.readOutbound(as: IOData.self) == nil)
        #expect(try channel.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == admin + read)
        try channel.writeInbound(ByteBuffer(string: read))
        #expect(try channel.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == read)
        #expect(try channel.readOutbound(as: IOData.self) == nil)
    }

    /// While the connection cannot take more, requests wait unanswered and nothing more is read;
    /// they are answered, in order, once it can.
    @Test func answersWaitWhileTheConnectionIsNotWritable() async throws {
        let service = try await TestService()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let channel = EmbeddedChannel()
        let reads = EventLoopRPCEquivalenceTests.reads(service)
        let deadline = RequestDeadlineHandler(timeout: .seconds(60))
        try channel.pipeline.syncOperations.addHandler(
            ReadyResponseHandler(reads: reads, responses: ReadyResponses(live: service.live, metrics: ServerMetrics()), deadline: deadline)
        )
        channel.isWritable = false
        channel.pipeline.fireChannelWritabilityChanged()
        try channel.writeInbound(ByteBuffer(string: "GET /v1/locales HTTP/1.1\r\n\r\nHEAD /v1/locales HTTP/1.1\r\n\r\nGET /v1/loc"))
        #expect(try channel.readOutbound(as: IOData.self) == nil)
        channel.isWritable = true
        channel.pipeline.fireChannelWritabilityChanged()
        var heads: [String] = []
        while let part = try channel.readOutbound(as: IOData.self) {
            if case .byteBuffer(let buffer) = part, String(buffer: buffer).hasPrefix("HTTP/1.1") { heads.append(String(buffer: buffer)) }
        }
        #expect(heads.count == 2 && heads.allSatisfy { $0.hasPrefix("HTTP/1.1 200 OK\r\n") })
        // The rest of the third request, then the client's end of the connection.
        try channel.writeInbound(ByteBuffer(string: "ales HTTP/1.1\r\n\r\nGET /v1/err"))
        #expect(try channel.readOutbound(as: IOData.self) != nil)
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(try channel.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == "GET /v1/err", "a request cut short goes to the decoder")
    }

    /// With read tokens required, no read is answered ahead of the token check.
    @Test func withReadTokensRequiredEveryReadIsChecked() async throws {
        var service = try await TestService()
        service.configuration.requireReadToken = true
        try await service.test(.live) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            await connection.send(Array("GET /v1/errors/NoSuchKey HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            let answer = await connection.receive()
            #expect(answer.hasPrefix("HTTP/1.1 401"), "\(answer.prefix(200))")
            let body = #"{"jsonrpc":"2.0","method":"errors.describe","params":{"code":"NoSuchKey"},"id":1}"#
            await connection.send(Array("POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
            let call = await connection.receive()
            #expect(call.contains(#""error":{"#) && !call.contains(#""result""#), "\(call.prefix(400))")
        }
    }

    /// A connection that sends nothing is closed after the idle timeout.
    @Test func anIdleConnectionIsClosed() async throws {
        var service = try await TestService()
        service.configuration.idleTimeout = .seconds(1)
        try await service.test(.live) { client in
            let idle = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            let started = ContinuousClock.now
            #expect(await idle.waitForClose())
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    /// A head that arrives a few bytes at a time is answered once it is whole.
    @Test func aHeadInPiecesIsAnsweredWhenWhole() async throws {
        try await TestService().test(.live) { client in
            let connection = try RawHTTPConnection(port: try #require(client.port), timeout: 30)
            let request = Array("GET /v1/errors/SlowDown HTTP/1.1\r\nHost: x\r\nAccept-Language: ko\r\n\r\n".utf8)
            for start in stride(from: 0, to: request.count, by: 7) {
                await connection.send(request[start..<min(start + 7, request.count)])
            }
            let answer = await connection.receive()
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.contains("Content-Language: ko\r\n"), "\(answer.prefix(300))")
        }
    }
}
