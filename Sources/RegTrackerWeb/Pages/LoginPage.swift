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

/// 403, 404 and other errors as a small page, in Chinese as every page (SPEC 7).
enum ErrorPage {
    /// `message`: what to tell; nil says what the status means.
    static func response(status: HTTPResponse.Status, message: String?) -> Response {
        let title = Self.title(status)
        let body = [
            "<h1>\(status.code) \(HTMLText.escape(title))</h1>",
            "<p>\(HTMLText.escape(message ?? Self.meaning(status)))</p>", "<p><a href=\"/\">返回排名</a></p>",
        ]
        return HTMLResponse.page(
            PageLayout.render(title: "\(status.code) \(title)", access: nil, body: body), status: status)
    }

    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "请求有误"
        case 401: "需要登录"
        case 403: "无权查看"
        case 404: "页面不存在"
        case 405: "不支持此请求方式"
        case 503: "服务暂不可用"
        case 500...: "服务器出错"
        default: "请求未能完成"
        }
    }

    static func meaning(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401: "请先登录（需联席办发放的令牌）。"
        case 403: "此令牌不能查看本页。"
        case 404: "没有这个页面，请检查网址。"
        case 500...: "请稍后再试；如一再出现，请告知联席办。"
        default: "请检查网址后再试。"
        }
    }
}
