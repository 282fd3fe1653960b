/** The sandbox wallet's H5 page: shows the order and lets a person approve or decline it. */
export function sandboxPage(orderId: string): string {
  const id = JSON.stringify(orderId.replace(/[^A-Za-z0-9_-]/g, ''))
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox wallet</title>
<style>
body{font-family:system-ui,-apple-system,sans-serif;margin:0;background:#f4f5f7;color:#222}
main{max-width:420px;margin:40px auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:16px;color:#888;margin:0 0 8px}.amount{font-size:36px;font-weight:600;margin:8px 0}
.note{color:#666;margin-bottom:24px}button{width:100%;padding:14px;border:0;border-radius:8px;font-size:16px;margin-top:10px}
#approve{background:#07c160;color:#fff}#decline{background:#eee}#result{margin-top:16px;font-weight:600}
</style></head>
<body><main>
<h1>Sandbox wallet · 沙箱钱包</h1>
<div id="wire" class="note"></div>
<div class="amount" id="amount">…</div>
<div class="note" id="desc"></div>
<button id="approve" type="button">Approve · 确认付款</button>
<button id="decline" type="button">Decline · 取消</button>
<div id="result" role="status"></div>
</main>
<script>
(function(){
var id=${id};var $=function(x){return document.getElementById(x)};
function show(o){$('amount').textContent='¥'+(o.amount/100).toFixed(2);$('desc').textContent=o.description;
$('wire').textContent=o.wire==='wechat'?'WeChat Pay format · 微信支付格式':'Alipay format · 支付宝格式';
if(o.state!=='open'){$('approve').disabled=true;$('decline').disabled=true;$('result').textContent=o.state==='paid'?'Paid · 已付款':'Declined · 已取消'}}
function act(kind){$('approve').disabled=true;$('decline').disabled=true;
fetch('/sandbox/api/orders/'+id+'/'+kind,{method:'POST'}).then(function(r){return r.json()}).then(show)
.catch(function(e){$('result').textContent=String(e)})}
$('approve').onclick=function(){act('approve')};$('decline').onclick=function(){act('decline')};
fetch('/sandbox/api/orders/'+id).then(function(r){if(!r.ok)throw new Error('No such order · 订单不存在');return r.json()}).then(show)
.catch(function(e){$('result').textContent=e.message})})();
</script></body></html>`
}
