using System.Net;
using Microsoft.Azure.Functions.Worker;
using QRCoder;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Verification;

/// <summary>
/// The public verification page (<c>GET /api/public/verify[?number=…]</c>, plain HTML that calls the verification API) and
/// the QR code an enterprise prints (<c>GET /api/public/certificates/{number}/qr.png</c>), which links to the page for its number.
/// </summary>
internal static class VerificationPageFunctions
{
    // The page's only script, allowed by its hash: no other script, style, frame or origin runs on the page.
    private const string Script = """
            const labels = { number: '证书编号', enterpriseName: '企业名称', grade: '等级', issuingBody: '发证机关', issuedOn: '发证日期', validThrough: '有效期至', statusLabel: '状态' };
            async function look(n) {
              const r = await fetch('/api/public/certificates/' + encodeURIComponent(n));
              const body = await r.json();
              const out = document.getElementById('r');
              out.replaceChildren();
              if (!r.ok) { out.textContent = body.detail; return; }
              for (const [k, v] of Object.entries(body)) { if (!(k in labels)) continue; const dt = document.createElement('dt'); dt.textContent = labels[k] ?? k; const dd = document.createElement('dd'); dd.textContent = v; out.append(dt, dd); }
            }
            document.getElementById('f').addEventListener('submit', e => { e.preventDefault(); look(document.getElementById('n').value); });
            if (document.getElementById('n').value) look(document.getElementById('n').value);
        """;

    private static readonly string Policy =
        $"default-src 'none'; script-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Script)))}'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    [Function("Public_VerifyPage")]
    [ApiOperation("Public certificate verification page")]
    [ApiQuery("number", "A certificate number to look up at once.")]
    [ApiResponse(StatusCodes.Status200OK, "text/html")]
    public static IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/verify")] HttpRequest request)
    {
        var number = WebUtility.HtmlEncode(request.Query["number"].ToString());
        request.HttpContext.Response.Headers.ContentSecurityPolicy = Policy;
        return TypedResults.Content($$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>安全生产标准化证书查询</title></head>
            <body>
            <h1>安全生产标准化证书查询</h1>
            <form id="f"><label>证书编号 <input id="n" name="number" value="{{number}}" required></label> <button>查询</button></form>
            <dl id="r"></dl>
            <script>{{Script}}</script>
            </body></html>
            """, "text/html; charset=utf-8");
    }

    [Function("Public_CertificateQr")]
    [ApiOperation("QR code that links to a certificate's public verification")]
    [ApiResponse(StatusCodes.Status200OK, "image/png")]
    public static IResult Qr(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/certificates/{number}/qr.png")] HttpRequest request, string number)
    {
        var link = $"{request.Scheme}://{request.Host}/api/public/verify?number={Uri.EscapeDataString(number)}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }
}
