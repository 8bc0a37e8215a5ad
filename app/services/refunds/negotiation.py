"""Offer texts in the buyer's language and the counter-offer rule.

Sentences are fixed templates per language; amounts are formatted here by code. No model writes an offer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain.money import round_money
from app.errors import InvalidInputError

_T = dict[str, str]

TYPE_AMOUNT = "Please type the amount you are asking for, e.g. 95.00."

OFFER: dict[str, _T] = {
    "partial_refund_no_return": {
        "en": "We are sorry about the problem. We can refund {amount} ({percent}% of the item price) and you keep the item — no need to send it back.",
        "zh": "对于出现的问题我们深表歉意。我们可以退款 {amount}（商品价格的 {percent}%），商品无需退回，您可以保留。",
        "es": "Lamentamos el problema. Podemos reembolsarle {amount} ({percent}% del precio del artículo) y puede quedarse el artículo, sin necesidad de devolverlo.",
        "fr": "Nous sommes désolés pour ce problème. Nous pouvons vous rembourser {amount} ({percent} % du prix de l'article) et vous gardez l'article, sans avoir à le renvoyer.",
        "de": "Das Problem tut uns leid. Wir können Ihnen {amount} ({percent} % des Artikelpreises) erstatten, und Sie behalten den Artikel – eine Rücksendung ist nicht nötig.",
        "it": "Ci dispiace per il problema. Possiamo rimborsarti {amount} ({percent}% del prezzo dell'articolo) e puoi tenere l'articolo, senza doverlo restituire.",
        "pt": "Lamentamos o problema. Podemos reembolsar {amount} ({percent}% do preço do item) e você fica com o produto — não é preciso devolvê-lo.",
        "nl": "Het spijt ons van het probleem. We kunnen {amount} ({percent}% van de artikelprijs) terugbetalen en u houdt het artikel – terugsturen is niet nodig.",
        "pl": "Przepraszamy za problem. Możemy zwrócić {amount} ({percent}% ceny produktu), a produkt zostaje u Ciebie — nie trzeba go odsyłać.",
        "ru": "Приносим извинения за проблему. Мы можем вернуть {amount} ({percent}% стоимости товара), а товар остаётся у вас — отправлять его обратно не нужно.",
        "tr": "Yaşanan sorun için üzgünüz. Size {amount} (ürün fiyatının %{percent} kadarı) iade edebiliriz ve ürünü geri göndermenize gerek yok, sizde kalabilir.",
        "ar": "نأسف لهذه المشكلة. يمكننا رد مبلغ {amount} ({percent}% من سعر المنتج) مع احتفاظك بالمنتج، دون الحاجة إلى إعادته.",
        "ja": "ご不便をおかけして申し訳ございません。{amount}（商品価格の{percent}%）を返金いたします。商品はご返送不要で、そのままお使いいただけます。",
        "ko": "불편을 드려 죄송합니다. {amount}(상품 가격의 {percent}%)를 환불해 드리며, 상품은 반송하지 않고 그대로 사용하셔도 됩니다.",
    },
    # A parcel refused at the door (import charges) is already on its way back: nothing for the buyer to send.
    "refused_parcel": {
        "en": "Your refused parcel is on its way back to us. When it arrives we will refund {amount}: the amount paid minus the outbound and return shipping costs, as our policy states. Import duties are not refunded by us.",
        "zh": "您拒收的包裹正在退回给我们。包裹到达后，我们将退款 {amount}：即按照我们的政策，已付金额扣除去程和回程运费。进口关税不由我们退还。",
        "es": "Su paquete rechazado está volviendo a nosotros. Cuando llegue le reembolsaremos {amount}: el importe pagado menos los gastos de envío de ida y de devolución, como indica nuestra política. Los derechos de importación no los reembolsamos nosotros.",
        "fr": "Votre colis refusé est en route vers nous. À son arrivée, nous vous rembourserons {amount} : le montant payé moins les frais d'envoi aller et retour, comme le prévoit notre politique. Les droits d'importation ne sont pas remboursés par nous.",
        "de": "Ihr abgelehntes Paket ist auf dem Rückweg zu uns. Sobald es ankommt, erstatten wir Ihnen {amount}: den bezahlten Betrag abzüglich der Hin- und Rückversandkosten, wie in unseren Richtlinien festgelegt. Einfuhrabgaben erstatten wir nicht.",
        "it": "Il pacco che hai rifiutato sta tornando da noi. Quando arriverà ti rimborseremo {amount}: l'importo pagato meno le spese di spedizione di andata e di reso, come previsto dalla nostra politica. I dazi di importazione non vengono rimborsati da noi.",
        "pt": "O seu pacote recusado está a caminho de volta para nós. Quando chegar, reembolsaremos {amount}: o valor pago menos o frete de ida e o de devolução, conforme a nossa política. Os impostos de importação não são reembolsados por nós.",
        "nl": "Uw geweigerde pakket is onderweg terug naar ons. Zodra het aankomt, betalen we {amount} terug: het betaalde bedrag min de verzendkosten heen en terug, zoals ons beleid vermeldt. Invoerrechten betalen wij niet terug.",
        "pl": "Odrzucona przesyłka wraca do nas. Gdy dotrze, zwrócimy {amount}: zapłaconą kwotę pomniejszoną o koszt wysyłki i koszt odesłania, zgodnie z naszą polityką. Opłat importowych nie zwracamy.",
        "ru": "Отказанная вами посылка возвращается к нам. Когда она прибудет, мы вернём {amount}: оплаченную сумму за вычетом стоимости доставки и обратной пересылки, как указано в наших правилах. Импортные пошлины мы не возвращаем.",
        "tr": "Reddettiğiniz paket bize geri dönüyor. Ulaştığında, politikamızda belirtildiği gibi ödenen tutardan gönderim ve iade kargo ücretleri düşülerek {amount} iade edeceğiz. İthalat vergileri tarafımızca iade edilmez.",
        "ar": "الطرد الذي رفضته في طريقه إلينا. عند وصوله سنرد لك {amount}: المبلغ المدفوع مخصوماً منه تكلفة الشحن إليك وتكلفة الإرجاع، كما تنص سياستنا. رسوم الاستيراد لا نردها نحن.",
        "ja": "受け取りを拒否されたお荷物は当店へ返送中です。到着後、当店のポリシーに従い、お支払い額から往路と返送の送料を差し引いた{amount}を返金いたします。輸入関税は当店からは返金されません。",
        "ko": "수취 거부하신 소포가 저희에게 반송되는 중입니다. 도착하면 저희 정책에 따라 결제 금액에서 발송 및 반송 배송비를 뺀 {amount}를 환불해 드립니다. 수입 관세는 저희가 환불하지 않습니다.",
    },
    "full_refund_no_return": {
        "en": "We are sorry about the problem. We can refund the full {amount} and you keep the item — no need to send it back.",
        "zh": "对于出现的问题我们深表歉意。我们可以全额退款 {amount}，商品无需退回。",
        "es": "Lamentamos el problema. Podemos reembolsarle el importe completo de {amount} y puede quedarse el artículo, sin necesidad de devolverlo.",
        "fr": "Nous sommes désolés pour ce problème. Nous pouvons vous rembourser l'intégralité, soit {amount}, et vous gardez l'article, sans avoir à le renvoyer.",
        "de": "Das Problem tut uns leid. Wir erstatten Ihnen den vollen Betrag von {amount}, und Sie behalten den Artikel – eine Rücksendung ist nicht nötig.",
        "it": "Ci dispiace per il problema. Possiamo rimborsarti l'intero importo di {amount} e puoi tenere l'articolo, senza doverlo restituire.",
        "pt": "Lamentamos o problema. Podemos reembolsar o valor total de {amount} e você fica com o produto — não é preciso devolvê-lo.",
        "nl": "Het spijt ons van het probleem. We kunnen het volledige bedrag van {amount} terugbetalen en u houdt het artikel – terugsturen is niet nodig.",
        "pl": "Przepraszamy za problem. Możemy zwrócić całą kwotę {amount}, a produkt zostaje u Ciebie — nie trzeba go odsyłać.",
        "ru": "Приносим извинения за проблему. Мы можем вернуть полную сумму {amount}, а товар остаётся у вас — отправлять его обратно не нужно.",
        "tr": "Yaşanan sorun için üzgünüz. {amount} tutarın tamamını iade edebiliriz ve ürünü geri göndermenize gerek yok.",
        "ar": "نأسف لهذه المشكلة. يمكننا رد المبلغ كاملاً {amount} مع احتفاظك بالمنتج، دون الحاجة إلى إعادته.",
        "ja": "ご不便をおかけして申し訳ございません。全額{amount}を返金いたします。商品のご返送は不要です。",
        "ko": "불편을 드려 죄송합니다. 전액 {amount}를 환불해 드리며, 상품은 반송하지 않으셔도 됩니다.",
    },
    "return_for_refund": {
        "en": "Please send the item back; we will refund {amount} once it arrives. We will send you the return instructions.",
        "zh": "请将商品寄回；收到后我们将退款 {amount}。我们会把退货说明发给您。",
        "es": "Por favor, devuélvanos el artículo; le reembolsaremos {amount} cuando lo recibamos. Le enviaremos las instrucciones de devolución.",
        "fr": "Merci de nous renvoyer l'article ; nous vous rembourserons {amount} à sa réception. Nous vous enverrons les instructions de retour.",
        "de": "Bitte senden Sie den Artikel zurück; nach Eingang erstatten wir Ihnen {amount}. Die Rücksendeanleitung schicken wir Ihnen zu.",
        "it": "Ti chiediamo di restituire l'articolo; al suo arrivo ti rimborseremo {amount}. Ti invieremo le istruzioni per il reso.",
        "pt": "Por favor, devolva o produto; reembolsaremos {amount} assim que ele chegar. Enviaremos as instruções de devolução.",
        "nl": "Stuur het artikel alstublieft terug; na ontvangst betalen we {amount} terug. We sturen u de retourinstructies.",
        "pl": "Prosimy o odesłanie produktu; po jego otrzymaniu zwrócimy {amount}. Wyślemy instrukcję zwrotu.",
        "ru": "Пожалуйста, отправьте товар обратно; после получения мы вернём {amount}. Инструкции по возврату мы пришлём.",
        "tr": "Lütfen ürünü geri gönderin; ulaştığında {amount} iade edeceğiz. İade talimatlarını size göndereceğiz.",
        "ar": "يرجى إعادة المنتج؛ وسنرد مبلغ {amount} فور وصوله. سنرسل إليك تعليمات الإرجاع.",
        "ja": "商品をご返送ください。到着後に{amount}を返金いたします。返品手順は別途お送りします。",
        "ko": "상품을 반송해 주세요. 도착하면 {amount}를 환불해 드립니다. 반품 안내를 보내 드리겠습니다.",
    },
    "replacement": {
        "en": "We are sorry about the problem. We will send you a replacement free of charge.",
        "zh": "对于出现的问题我们深表歉意。我们将免费为您补发。",
        "es": "Lamentamos el problema. Le enviaremos un reemplazo sin coste.",
        "fr": "Nous sommes désolés pour ce problème. Nous vous enverrons un remplacement gratuitement.",
        "de": "Das Problem tut uns leid. Wir senden Ihnen kostenlos Ersatz.",
        "it": "Ci dispiace per il problema. Ti invieremo una sostituzione gratuitamente.",
        "pt": "Lamentamos o problema. Enviaremos uma reposição sem custo.",
        "nl": "Het spijt ons van het probleem. We sturen u kosteloos een vervanging.",
        "pl": "Przepraszamy za problem. Bezpłatnie wyślemy zamiennik.",
        "ru": "Приносим извинения за проблему. Мы бесплатно отправим вам замену.",
        "tr": "Yaşanan sorun için üzgünüz. Size ücretsiz olarak yenisini göndereceğiz.",
        "ar": "نأسف لهذه المشكلة. سنرسل إليك بديلاً مجاناً.",
        "ja": "ご不便をおかけして申し訳ございません。代替品を無料でお送りいたします。",
        "ko": "불편을 드려 죄송합니다. 대체품을 무료로 보내 드리겠습니다.",
    },
}  # fmt: skip

MESSAGES: dict[str, _T] = {
    "choices": {
        "en": "You can accept, decline, or make one counter-offer.", "zh": "您可以接受、拒绝，或提出一次还价。",
        "es": "Puede aceptar, rechazar o hacer una contraoferta.", "fr": "Vous pouvez accepter, refuser ou faire une contre-proposition.",
        "de": "Sie können annehmen, ablehnen oder einmal einen Gegenvorschlag machen.", "it": "Puoi accettare, rifiutare o fare una controproposta.",
        "pt": "Você pode aceitar, recusar ou fazer uma contraproposta.", "nl": "U kunt accepteren, weigeren of één tegenbod doen.",
        "pl": "Możesz zaakceptować, odrzucić lub złożyć jedną kontrpropozycję.", "ru": "Вы можете согласиться, отказаться или один раз предложить свою сумму.",
        "tr": "Kabul edebilir, reddedebilir veya bir kez karşı teklif verebilirsiniz.", "ar": "يمكنك القبول أو الرفض أو تقديم عرض مقابل مرة واحدة.",
        "ja": "承諾、辞退、または一度だけ金額のご提案ができます。", "ko": "수락, 거절 또는 한 번의 역제안을 하실 수 있습니다.",
    },
    "review": {
        "en": "Thank you. Our team is reviewing your claim and will get back to you soon.", "zh": "谢谢。我们的团队正在审核您的申请，会尽快回复您。",
        "es": "Gracias. Nuestro equipo está revisando su reclamación y le responderá pronto.", "fr": "Merci. Notre équipe examine votre demande et vous répondra rapidement.",
        "de": "Vielen Dank. Unser Team prüft Ihren Antrag und meldet sich bald bei Ihnen.", "it": "Grazie. Il nostro team sta esaminando la tua richiesta e ti risponderà presto.",
        "pt": "Obrigado. Nossa equipe está analisando sua solicitação e responderá em breve.", "nl": "Dank u. Ons team bekijkt uw claim en neemt snel contact met u op.",
        "pl": "Dziękujemy. Nasz zespół rozpatruje zgłoszenie i wkrótce się odezwie.", "ru": "Спасибо. Наша команда рассматривает вашу заявку и скоро ответит.",
        "tr": "Teşekkürler. Ekibimiz talebinizi inceliyor ve en kısa sürede size dönecek.", "ar": "شكراً لك. يراجع فريقنا طلبك وسيتواصل معك قريباً.",
        "ja": "ありがとうございます。担当チームが申請を確認しており、追ってご連絡いたします。", "ko": "감사합니다. 담당 팀이 신청을 검토 중이며 곧 연락드리겠습니다.",
    },
    "accepted_refund": {
        "en": "Thank you, it is agreed: {amount} will be refunded to your original payment method within 5 business days.",
        "zh": "谢谢，已确认：{amount} 将在 5 个工作日内退回您的原支付方式。",
        "es": "Gracias, queda acordado: le reembolsaremos {amount} en su método de pago original en un plazo de 5 días hábiles.",
        "fr": "Merci, c'est convenu : {amount} seront remboursés sur votre moyen de paiement d'origine sous 5 jours ouvrés.",
        "de": "Vielen Dank, vereinbart: {amount} werden innerhalb von 5 Werktagen auf Ihr ursprüngliches Zahlungsmittel erstattet.",
        "it": "Grazie, è concordato: {amount} verranno rimborsati sul metodo di pagamento originale entro 5 giorni lavorativi.",
        "pt": "Obrigado, está combinado: {amount} serão reembolsados no seu meio de pagamento original em até 5 dias úteis.",
        "nl": "Dank u, afgesproken: {amount} wordt binnen 5 werkdagen teruggestort op uw oorspronkelijke betaalmethode.",
        "pl": "Dziękujemy, uzgodnione: {amount} zostanie zwrócone na pierwotną metodę płatności w ciągu 5 dni roboczych.",
        "ru": "Спасибо, договорились: {amount} будут возвращены на исходный способ оплаты в течение 5 рабочих дней.",
        "tr": "Teşekkürler, anlaştık: {amount} 5 iş günü içinde orijinal ödeme yönteminize iade edilecek.",
        "ar": "شكراً لك، تم الاتفاق: سيُرد مبلغ {amount} إلى وسيلة الدفع الأصلية خلال 5 أيام عمل.",
        "ja": "ありがとうございます。合意いたしました。{amount}を5営業日以内に元のお支払い方法へ返金いたします。",
        "ko": "감사합니다. 합의되었습니다. {amount}가 영업일 기준 5일 이내에 원래 결제 수단으로 환불됩니다.",
    },
    "awaiting_return": {
        "en": "Thank you, it is agreed. Please send the item back using the return instructions we will send you; {amount} will be refunded once it arrives.",
        "zh": "谢谢，已确认。请按照我们发送给您的退货说明将商品寄回；商品到达后我们将退款 {amount}。",
        "es": "Gracias, queda acordado. Devuélvanos el artículo siguiendo las instrucciones de devolución que le enviaremos; le reembolsaremos {amount} cuando lo recibamos.",
        "fr": "Merci, c'est convenu. Renvoyez-nous l'article en suivant les instructions de retour que nous vous enverrons ; nous vous rembourserons {amount} à sa réception.",
        "de": "Vielen Dank, vereinbart. Bitte senden Sie den Artikel gemäß der Rücksendeanleitung zurück, die wir Ihnen schicken; nach Eingang erstatten wir Ihnen {amount}.",
        "it": "Grazie, è concordato. Restituisci l'articolo seguendo le istruzioni per il reso che ti invieremo; al suo arrivo ti rimborseremo {amount}.",
        "pt": "Obrigado, está combinado. Devolva o produto seguindo as instruções de devolução que enviaremos; reembolsaremos {amount} assim que ele chegar.",
        "nl": "Dank u, afgesproken. Stuur het artikel terug volgens de retourinstructies die we u sturen; na ontvangst betalen we {amount} terug.",
        "pl": "Dziękujemy, uzgodnione. Odeślij produkt zgodnie z instrukcją zwrotu, którą wyślemy; po jego otrzymaniu zwrócimy {amount}.",
        "ru": "Спасибо, договорились. Отправьте товар обратно по инструкции по возврату, которую мы пришлём; после получения мы вернём {amount}.",
        "tr": "Teşekkürler, anlaştık. Lütfen ürünü size göndereceğimiz iade talimatlarına göre geri gönderin; ulaştığında {amount} iade edeceğiz.",
        "ar": "شكراً لك، تم الاتفاق. يرجى إعادة المنتج باتباع تعليمات الإرجاع التي سنرسلها إليك؛ وسنرد مبلغ {amount} فور وصوله.",
        "ja": "ありがとうございます。合意いたしました。お送りする返品手順に従って商品をご返送ください。到着後に{amount}を返金いたします。",
        "ko": "감사합니다. 합의되었습니다. 보내 드리는 반품 안내에 따라 상품을 반송해 주세요. 도착하면 {amount}를 환불해 드립니다.",
    },
    "accepted_other": {
        "en": "Thank you, it is agreed. We will be in touch with the next steps.", "zh": "谢谢，已确认。我们会与您联系后续步骤。",
        "es": "Gracias, queda acordado. Le escribiremos con los siguientes pasos.", "fr": "Merci, c'est convenu. Nous vous contacterons pour la suite.",
        "de": "Vielen Dank, vereinbart. Wir melden uns mit den nächsten Schritten.", "it": "Grazie, è concordato. Ti contatteremo con i prossimi passi.",
        "pt": "Obrigado, está combinado. Entraremos em contato com os próximos passos.", "nl": "Dank u, afgesproken. We nemen contact op over de volgende stappen.",
        "pl": "Dziękujemy, uzgodnione. Skontaktujemy się w sprawie kolejnych kroków.", "ru": "Спасибо, договорились. Мы свяжемся с вами насчёт следующих шагов.",
        "tr": "Teşekkürler, anlaştık. Sonraki adımlar için sizinle iletişime geçeceğiz.", "ar": "شكراً لك، تم الاتفاق. سنتواصل معك بشأن الخطوات التالية.",
        "ja": "ありがとうございます。合意いたしました。次の手順について追ってご連絡いたします。", "ko": "감사합니다. 합의되었습니다. 다음 단계를 안내해 드리겠습니다.",
    },
    "counter_review": {
        "en": "Thank you. Your counter-offer of {amount} needs our team's approval; we will reply soon.",
        "zh": "谢谢。您提出的 {amount} 需要我们团队审批，我们会尽快回复。",
        "es": "Gracias. Su contraoferta de {amount} necesita la aprobación de nuestro equipo; le responderemos pronto.",
        "fr": "Merci. Votre contre-proposition de {amount} doit être validée par notre équipe ; nous vous répondrons rapidement.",
        "de": "Vielen Dank. Ihr Gegenvorschlag über {amount} muss von unserem Team freigegeben werden; wir melden uns bald.",
        "it": "Grazie. La tua controproposta di {amount} richiede l'approvazione del nostro team; ti risponderemo presto.",
        "pt": "Obrigado. Sua contraproposta de {amount} precisa da aprovação da nossa equipe; responderemos em breve.",
        "nl": "Dank u. Uw tegenbod van {amount} moet door ons team worden goedgekeurd; we reageren snel.",
        "pl": "Dziękujemy. Twoja kontrpropozycja {amount} wymaga zgody naszego zespołu; wkrótce odpowiemy.",
        "ru": "Спасибо. Ваше предложение {amount} должна одобрить наша команда; мы скоро ответим.",
        "tr": "Teşekkürler. {amount} tutarındaki karşı teklifiniz ekibimizin onayını gerektiriyor; kısa sürede yanıt vereceğiz.",
        "ar": "شكراً لك. عرضك المقابل بمبلغ {amount} يحتاج إلى موافقة فريقنا؛ سنرد عليك قريباً.",
        "ja": "ありがとうございます。ご提案の{amount}は担当チームの承認が必要です。追ってご連絡いたします。",
        "ko": "감사합니다. 제안하신 {amount}는 담당 팀의 승인이 필요합니다. 곧 답변드리겠습니다.",
    },
    "declined": {
        "en": "Understood. A member of our team will review your claim and contact you.", "zh": "明白了。我们的工作人员会审核您的申请并与您联系。",
        "es": "Entendido. Una persona de nuestro equipo revisará su reclamación y se pondrá en contacto con usted.",
        "fr": "C'est noté. Un membre de notre équipe examinera votre demande et vous contactera.",
        "de": "Verstanden. Ein Mitglied unseres Teams prüft Ihren Antrag und meldet sich bei Ihnen.",
        "it": "Capito. Un membro del nostro team esaminerà la tua richiesta e ti contatterà.",
        "pt": "Entendido. Uma pessoa da nossa equipe vai analisar sua solicitação e entrar em contato.",
        "nl": "Begrepen. Iemand van ons team bekijkt uw claim en neemt contact met u op.",
        "pl": "Rozumiemy. Osoba z naszego zespołu rozpatrzy zgłoszenie i skontaktuje się z Tobą.",
        "ru": "Понятно. Сотрудник нашей команды рассмотрит заявку и свяжется с вами.",
        "tr": "Anlaşıldı. Ekibimizden biri talebinizi inceleyip sizinle iletişime geçecek.",
        "ar": "مفهوم. سيراجع أحد أعضاء فريقنا طلبك ويتواصل معك.",
        "ja": "承知いたしました。担当者が申請を確認し、ご連絡いたします。", "ko": "알겠습니다. 담당자가 신청을 검토한 후 연락드리겠습니다.",
    },
    "closed_no_return": {
        "en": "We have not received the returned item, so this claim is now closed without a refund. If you did send it back, please reply with the return tracking number and we will look into it.",
        "zh": "我们尚未收到退回的商品，因此此申请已关闭，不予退款。如果您已寄回商品，请回复退货物流单号，我们会进行核查。",
        "es": "No hemos recibido el artículo devuelto, por lo que esta reclamación queda cerrada sin reembolso. Si ya lo envió, responda con el número de seguimiento de la devolución y lo revisaremos.",
        "fr": "Nous n'avons pas reçu l'article retourné ; cette demande est donc close sans remboursement. Si vous l'avez bien renvoyé, répondez-nous avec le numéro de suivi du retour et nous vérifierons.",
        "de": "Wir haben den zurückgesendeten Artikel nicht erhalten, daher ist dieser Antrag ohne Erstattung abgeschlossen. Falls Sie ihn zurückgeschickt haben, antworten Sie bitte mit der Sendungsnummer der Rücksendung, und wir prüfen das.",
        "it": "Non abbiamo ricevuto l'articolo reso, quindi questa richiesta è chiusa senza rimborso. Se lo hai già spedito, rispondi con il numero di tracciamento del reso e verificheremo.",
        "pt": "Não recebemos o produto devolvido, por isso esta solicitação foi encerrada sem reembolso. Se você já o enviou, responda com o código de rastreamento da devolução e vamos verificar.",
        "nl": "We hebben het geretourneerde artikel niet ontvangen, dus deze claim is gesloten zonder terugbetaling. Hebt u het wel teruggestuurd, antwoord dan met het trackingnummer van de retour en we zoeken het uit.",
        "pl": "Nie otrzymaliśmy zwracanego produktu, dlatego zgłoszenie zostało zamknięte bez zwrotu pieniędzy. Jeśli produkt został odesłany, odpowiedz, podając numer przesyłki zwrotnej, a sprawdzimy to.",
        "ru": "Мы не получили возвращённый товар, поэтому заявка закрыта без возврата денег. Если вы отправили товар, ответьте, указав трек-номер возврата, и мы всё проверим.",
        "tr": "İade edilen ürünü almadık, bu nedenle talebiniz iade yapılmadan kapatıldı. Ürünü geri gönderdiyseniz lütfen iade takip numarasıyla yanıt verin, kontrol edelim.",
        "ar": "لم نستلم المنتج المُعاد، لذلك أُغلق هذا الطلب دون استرداد المبلغ. إذا كنت قد أعدته بالفعل، يرجى الرد برقم تتبع شحنة الإرجاع وسنتحقق من الأمر.",
        "ja": "返品された商品が届いていないため、この申請は返金なしで終了いたしました。すでにご返送済みの場合は、返品の追跡番号をご返信ください。確認いたします。",
        "ko": "반품된 상품을 받지 못해 이 신청은 환불 없이 종료되었습니다. 이미 반송하셨다면 반품 운송장 번호를 회신해 주세요. 확인해 드리겠습니다.",
    },
    "rejected": {
        "en": "We are sorry, but we cannot accept this claim. Our team will write to you with the reasons.",
        "zh": "很抱歉，我们无法受理此申请。我们的团队会向您说明原因。",
        "es": "Lo sentimos, pero no podemos aceptar esta reclamación. Nuestro equipo le escribirá explicando los motivos.",
        "fr": "Nous sommes désolés, mais nous ne pouvons pas accepter cette demande. Notre équipe vous en expliquera les raisons.",
        "de": "Es tut uns leid, aber wir können diesen Antrag nicht annehmen. Unser Team schreibt Ihnen die Gründe.",
        "it": "Ci dispiace, ma non possiamo accettare questa richiesta. Il nostro team ti scriverà spiegando i motivi.",
        "pt": "Lamentamos, mas não podemos aceitar esta solicitação. Nossa equipe vai escrever explicando os motivos.",
        "nl": "Het spijt ons, maar we kunnen deze claim niet accepteren. Ons team schrijft u met de redenen.",
        "pl": "Przykro nam, ale nie możemy przyjąć tego zgłoszenia. Nasz zespół napisze, z jakich powodów.",
        "ru": "К сожалению, мы не можем принять эту заявку. Наша команда напишет вам о причинах.",
        "tr": "Üzgünüz, bu talebi kabul edemiyoruz. Ekibimiz nedenlerini size yazacak.",
        "ar": "نأسف، لا يمكننا قبول هذا الطلب. سيراسلك فريقنا لتوضيح الأسباب.",
        "ja": "申し訳ございませんが、この申請はお受けできません。理由は担当チームよりご連絡いたします。",
        "ko": "죄송하지만 이 신청은 받아들일 수 없습니다. 담당 팀이 사유를 안내해 드리겠습니다.",
    },
}  # fmt: skip

# Decimal and thousands separators by language (code formats amounts; templates never contain digits).
_COMMA_DECIMAL_DOT_GROUP = frozenset({"es", "de", "it", "pt", "nl", "tr"})
_COMMA_DECIMAL_SPACE_GROUP = frozenset({"fr", "pl", "ru"})


def format_amount(amount: Decimal, currency: str, language: str) -> str:
    text = f"{round_money(amount, currency):,}"  # 1,234.50
    if language in _COMMA_DECIMAL_DOT_GROUP:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    elif language in _COMMA_DECIMAL_SPACE_GROUP:
        text = text.replace(",", "\u202f").replace(".", ",")
    return f"{text} {currency.upper()}"


def format_percent(percent: Decimal, language: str) -> str:
    text = f"{percent.normalize():f}" if percent == percent.to_integral() else f"{percent:.2f}".rstrip("0")
    return (
        text.replace(".", ",") if language in _COMMA_DECIMAL_DOT_GROUP | _COMMA_DECIMAL_SPACE_GROUP else text
    )


def _lang(language: str) -> str:
    return language if language in OFFER["replacement"] else "en"


def offer_key(outcome: str, reason: str) -> str:
    """The offer template: the outcome's, except where the claim path changes what the buyer has to do."""
    return (
        "refused_parcel" if reason == "refused_import_charges" and outcome == "return_for_refund" else outcome
    )


def offer_sentence(outcome: str, amount: Decimal, percent: Decimal, currency: str, language: str) -> str:
    """The offer itself, without the accept/decline choices (the chat quotes it before any claim exists)."""
    lang = _lang(language)
    return OFFER[outcome][lang].format(amount=format_amount(amount, currency, lang), percent=format_percent(percent, lang))


def offer_text(outcome: str, amount: Decimal, percent: Decimal, currency: str, language: str) -> str:
    """`outcome` is an offer template key: an offerable outcome or a variant from offer_key()."""
    lang = _lang(language)
    return f"{offer_sentence(outcome, amount, percent, currency, lang)} {MESSAGES['choices'][lang]}"


def message(key: str, language: str, amount: Decimal | None = None, currency: str = "") -> str:
    lang = _lang(language)
    template = MESSAGES[key][lang]
    return template.format(amount=format_amount(amount, currency, lang)) if amount is not None else template


def parse_amount(text: str, currency: str) -> Decimal:
    """A buyer's typed amount: '90', '90.5', '90,50', '1.234,50', '1 234,50' -> Decimal in the minor unit."""
    cleaned = re.sub(r"[^\d.,]", "", text or "")
    if not cleaned:
        raise InvalidInputError(TYPE_AMOUNT, key="error.type_amount")
    last_sep = max(cleaned.rfind("."), cleaned.rfind(","))
    # A separator followed by exactly 1-2 digits is the decimal point; anything else groups thousands.
    if last_sep >= 0 and 1 <= len(cleaned) - last_sep - 1 <= 2:
        whole, fraction = cleaned[:last_sep], cleaned[last_sep + 1 :]
        cleaned = re.sub(r"[.,]", "", whole) + "." + fraction
    else:
        cleaned = re.sub(r"[.,]", "", cleaned)
    try:
        return round_money(Decimal(cleaned), currency)
    except InvalidOperation as exc:
        raise InvalidInputError(TYPE_AMOUNT, key="error.type_amount") from exc


@dataclass(frozen=True)
class CounterVerdict:
    accepted: bool
    amount: Decimal


def evaluate_counter(counter: Decimal, bound: Decimal) -> CounterVerdict:
    """Within the merchant's bound: accepted on the spot; beyond it: a person decides."""
    return CounterVerdict(accepted=counter <= bound, amount=counter)
