import Hummingbird
import RegTrackerCore
import RegTrackerRender

/// The token form, also shown (with 401) to a request without a valid token.
enum LoginPage {
    static func response(status: HTTPResponse.Status, message: String?) -> Response {
        var body = ["<h1>登录注册率看板</h1>"]
        if let message { body.append("<p class=\"error\">\(HTMLText.escape(message))</p>") }
        body.append(
            """
            <form class="login" method="post" action="/login">
            <label for="token">访问令牌（由联席办发放）</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required>
            <button type="submit">登录</button>
            </form>
            <p class="note">本浏览器只保存登录会话（12 小时内有效），不保存令牌；退出即作废。</p>
            """)
        return HTMLResponse.page(PageLayout.render(title: "登录 · 注册率看板", access: nil, body: body), status: status)
    }
}

/// 403, 404 and other errors as a small page.
enum ErrorPage {
    static func response(status: HTTPResponse.Status, message: String) -> Response {
        let body = [
            "<h1>\(status.code) \(HTMLText.escape(status.reasonPhrase))</h1>",
            "<p>\(HTMLText.escape(message))</p>", "<p><a href=\"/\">返回排名</a></p>",
        ]
        return HTMLResponse.page(PageLayout.render(title: "\(status.code)", access: nil, body: body), status: status)
    }
}
