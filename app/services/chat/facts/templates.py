"""Localized sentences of fact answers (all 14 languages) and Babel formatting of money, numbers and day ranges.

Values are filled in by code from the merchant's data; the words around them are fixed here. A unit test checks
every key exists in every language with the same placeholders.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

LANGUAGES = ("en", "zh", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ar", "ja", "ko")

T: dict[str, dict[str, str]] = {
    "payment_accepted": {
        "en": "We accept {methods}.", "zh": "我们接受以下付款方式：{methods}。", "es": "Aceptamos {methods}.",
        "fr": "Nous acceptons {methods}.", "de": "Wir akzeptieren {methods}.", "it": "Accettiamo {methods}.",
        "pt": "Aceitamos {methods}.", "nl": "We accepteren {methods}.", "pl": "Akceptujemy: {methods}.",
        "ru": "Мы принимаем: {methods}.", "tr": "Kabul ettiğimiz ödeme yöntemleri: {methods}.",
        "ar": "نقبل: {methods}.", "ja": "ご利用いただける支払い方法：{methods}。", "ko": "결제 수단: {methods}을(를) 받습니다.",
    },
    "payment_refused": {
        "en": "We do not accept {methods}.", "zh": "我们不接受{methods}。", "es": "No aceptamos {methods}.",
        "fr": "Nous n'acceptons pas {methods}.", "de": "{methods} akzeptieren wir nicht.", "it": "Non accettiamo {methods}.",
        "pt": "Não aceitamos {methods}.", "nl": "We accepteren geen {methods}.", "pl": "Nie akceptujemy: {methods}.",
        "ru": "Мы не принимаем: {methods}.", "tr": "Kabul etmediğimiz ödeme yöntemleri: {methods}.",
        "ar": "لا نقبل: {methods}.", "ja": "{methods}はご利用いただけません。", "ko": "{methods}은(는) 받지 않습니다.",
    },
    "ship_row": {
        "en": "Delivery to {country} takes {days} with {carrier} and costs {cost}.",
        "zh": "寄往{country}的运输时间为{days}，承运商为{carrier}，运费{cost}。",
        "es": "El envío a {country} tarda {days} con {carrier} y cuesta {cost}.",
        "fr": "La livraison vers {country} prend {days} avec {carrier} et coûte {cost}.",
        "de": "Der Versand nach {country} dauert {days} mit {carrier} und kostet {cost}.",
        "it": "La spedizione verso {country} richiede {days} con {carrier} e costa {cost}.",
        "pt": "O envio para {country} leva {days} com {carrier} e custa {cost}.",
        "nl": "Verzending naar {country} duurt {days} met {carrier} en kost {cost}.",
        "pl": "Wysyłka do kraju {country} trwa {days} ({carrier}) i kosztuje {cost}.",
        "ru": "Доставка в страну {country} занимает {days} ({carrier}) и стоит {cost}.",
        "tr": "{country} için gönderim {carrier} ile {days} sürer ve {cost} tutar.",
        "ar": "يستغرق الشحن إلى {country} {days} مع {carrier} وتكلفته {cost}.",
        "ja": "{country}への配送は{carrier}で{days}かかり、送料は{cost}です。",
        "ko": "{country}까지 배송은 {carrier}로 {days} 걸리며 배송비는 {cost}입니다.",
    },
    "ship_free": {
        "en": "Shipping is free on orders over {amount}.", "zh": "订单满{amount}免运费。",
        "es": "El envío es gratis en pedidos de más de {amount}.", "fr": "La livraison est gratuite dès {amount} de commande.",
        "de": "Ab einem Bestellwert von {amount} ist der Versand kostenlos.", "it": "La spedizione è gratuita per ordini oltre {amount}.",
        "pt": "O envio é grátis em pedidos acima de {amount}.", "nl": "Verzending is gratis bij bestellingen boven {amount}.",
        "pl": "Wysyłka jest darmowa przy zamówieniach powyżej {amount}.", "ru": "Доставка бесплатна для заказов от {amount}.",
        "tr": "{amount} üzeri siparişlerde kargo ücretsizdir.", "ar": "الشحن مجاني للطلبات التي تزيد على {amount}.",
        "ja": "{amount}を超えるご注文は送料無料です。", "ko": "{amount} 이상 주문 시 무료 배송입니다.",
    },
    "ship_no_free": {
        "en": "There is no free shipping to this country.", "zh": "寄往该国家没有免运费优惠。",
        "es": "No hay envío gratis a este país.", "fr": "Il n'y a pas de livraison gratuite vers ce pays.",
        "de": "In dieses Land gibt es keinen kostenlosen Versand.", "it": "Non c'è spedizione gratuita verso questo paese.",
        "pt": "Não há envio grátis para este país.", "nl": "Er is geen gratis verzending naar dit land.",
        "pl": "Do tego kraju nie ma darmowej wysyłki.", "ru": "Бесплатной доставки в эту страну нет.",
        "tr": "Bu ülkeye ücretsiz kargo yoktur.", "ar": "لا يوجد شحن مجاني إلى هذا البلد.",
        "ja": "この国への送料無料はありません。", "ko": "이 국가로는 무료 배송이 없습니다.",
    },
    "duties_ddp": {
        "en": "Import duties and taxes are included (DDP): nothing more to pay on delivery.",
        "zh": "进口关税和税费已包含（DDP）：收货时无需另付费用。",
        "es": "Los aranceles e impuestos de importación están incluidos (DDP): no pagará nada más al recibirlo.",
        "fr": "Les droits de douane et taxes sont inclus (DDP) : rien de plus à payer à la livraison.",
        "de": "Zölle und Einfuhrsteuern sind inbegriffen (DDP): Bei der Zustellung zahlen Sie nichts mehr.",
        "it": "Dazi e tasse di importazione sono inclusi (DDP): nulla da pagare alla consegna.",
        "pt": "Os impostos e taxas de importação estão incluídos (DDP): nada mais a pagar na entrega.",
        "nl": "Invoerrechten en belastingen zijn inbegrepen (DDP): bij levering betaalt u niets extra.",
        "pl": "Cło i podatki importowe są wliczone (DDP): przy odbiorze nic więcej nie płacisz.",
        "ru": "Пошлины и налоги включены (DDP): при получении ничего доплачивать не нужно.",
        "tr": "Gümrük vergileri ve harçlar dahildir (DDP): teslimatta ek ödeme yoktur.",
        "ar": "الرسوم الجمركية والضرائب مشمولة (DDP): لا شيء إضافي تدفعه عند الاستلام.",
        "ja": "輸入関税・税金は含まれています（DDP）。受け取り時の追加支払いはありません。",
        "ko": "수입 관세와 세금이 포함되어 있습니다(DDP). 수령 시 추가로 낼 금액이 없습니다.",
    },
    "duties_dap": {
        "en": "Import duties and taxes are not included (DAP): customs may charge them to you on delivery.",
        "zh": "进口关税和税费不包含在内（DAP）：海关可能在收货时向您收取。",
        "es": "Los aranceles e impuestos de importación no están incluidos (DAP): la aduana puede cobrárselos al recibirlo.",
        "fr": "Les droits de douane et taxes ne sont pas inclus (DAP) : la douane peut vous les facturer à la livraison.",
        "de": "Zölle und Einfuhrsteuern sind nicht inbegriffen (DAP): Der Zoll kann sie bei der Zustellung von Ihnen verlangen.",
        "it": "Dazi e tasse di importazione non sono inclusi (DAP): la dogana può addebitarli alla consegna.",
        "pt": "Os impostos e taxas de importação não estão incluídos (DAP): a alfândega pode cobrá-los na entrega.",
        "nl": "Invoerrechten en belastingen zijn niet inbegrepen (DAP): de douane kan ze bij levering bij u innen.",
        "pl": "Cło i podatki importowe nie są wliczone (DAP): urząd celny może je pobrać przy odbiorze.",
        "ru": "Пошлины и налоги не включены (DAP): таможня может взять их с вас при получении.",
        "tr": "Gümrük vergileri ve harçlar dahil değildir (DAP): teslimatta gümrük sizden tahsil edebilir.",
        "ar": "الرسوم الجمركية والضرائب غير مشمولة (DAP): قد تطلبها منك الجمارك عند الاستلام.",
        "ja": "輸入関税・税金は含まれていません（DAP）。受け取り時に税関から請求される場合があります。",
        "ko": "수입 관세와 세금은 포함되어 있지 않습니다(DAP). 수령 시 세관에서 청구할 수 있습니다.",
    },
    "ship_not_served": {
        "en": "Sorry, we do not ship to {country}. We ship to: {countries}.",
        "zh": "抱歉，我们不发货到{country}。我们可寄往：{countries}。",
        "es": "Lo siento, no enviamos a {country}. Enviamos a: {countries}.",
        "fr": "Désolé, nous ne livrons pas vers {country}. Nous livrons vers : {countries}.",
        "de": "Leider versenden wir nicht nach {country}. Wir liefern nach: {countries}.",
        "it": "Mi dispiace, non spediamo verso {country}. Spediamo verso: {countries}.",
        "pt": "Desculpe, não enviamos para {country}. Enviamos para: {countries}.",
        "nl": "Sorry, we verzenden niet naar {country}. We verzenden naar: {countries}.",
        "pl": "Niestety nie wysyłamy do kraju {country}. Wysyłamy do: {countries}.",
        "ru": "К сожалению, мы не доставляем в страну {country}. Мы доставляем в: {countries}.",
        "tr": "Üzgünüz, {country} için gönderim yapmıyoruz. Gönderim yaptığımız ülkeler: {countries}.",
        "ar": "عذرًا، لا نشحن إلى {country}. نشحن إلى: {countries}.",
        "ja": "申し訳ありませんが、{country}へは発送していません。発送先：{countries}。",
        "ko": "죄송하지만 {country}(으)로는 배송하지 않습니다. 배송 가능 국가: {countries}.",
    },
    "ship_ask_country": {
        "en": "Which country should it be shipped to? We ship to: {countries}.",
        "zh": "请问要寄往哪个国家？我们可寄往：{countries}。",
        "es": "¿A qué país lo enviamos? Enviamos a: {countries}.",
        "fr": "Vers quel pays faut-il livrer ? Nous livrons vers : {countries}.",
        "de": "In welches Land soll geliefert werden? Wir liefern nach: {countries}.",
        "it": "In quale paese va spedito? Spediamo verso: {countries}.",
        "pt": "Para qual país devemos enviar? Enviamos para: {countries}.",
        "nl": "Naar welk land moet het verzonden worden? We verzenden naar: {countries}.",
        "pl": "Do jakiego kraju mamy wysłać? Wysyłamy do: {countries}.",
        "ru": "В какую страну нужна доставка? Мы доставляем в: {countries}.",
        "tr": "Hangi ülkeye gönderilecek? Gönderim yaptığımız ülkeler: {countries}.",
        "ar": "إلى أي بلد تريد الشحن؟ نشحن إلى: {countries}.",
        "ja": "どちらの国へお届けしますか？発送先：{countries}。",
        "ko": "어느 국가로 배송해 드릴까요? 배송 가능 국가: {countries}.",
    },
    "days_range": {
        "en": "{low}–{high} days", "zh": "{low}–{high}天", "es": "{low}–{high} días", "fr": "{low} à {high} jours",
        "de": "{low}–{high} Tage", "it": "{low}–{high} giorni", "pt": "{low}–{high} dias", "nl": "{low}–{high} dagen",
        "pl": "{low}–{high} dni", "ru": "{low}–{high} дней", "tr": "{low}–{high} gün", "ar": "{low}–{high} أيام",
        "ja": "{low}～{high}日", "ko": "{low}~{high}일",
    },
    "days_one": {
        "en": "{n} days", "zh": "{n}天", "es": "{n} días", "fr": "{n} jours", "de": "{n} Tage", "it": "{n} giorni",
        "pt": "{n} dias", "nl": "{n} dagen", "pl": "{n} dni", "ru": "{n} дн.", "tr": "{n} gün", "ar": "{n} يومًا",
        "ja": "{n}日", "ko": "{n}일",
    },
    "fact_line": {
        "en": "{product} — {label}: {value}.", "zh": "{product} — {label}：{value}。", "es": "{product} — {label}: {value}.",
        "fr": "{product} — {label} : {value}.", "de": "{product} — {label}: {value}.", "it": "{product} — {label}: {value}.",
        "pt": "{product} — {label}: {value}.", "nl": "{product} — {label}: {value}.", "pl": "{product} — {label}: {value}.",
        "ru": "{product} — {label}: {value}.", "tr": "{product} — {label}: {value}.", "ar": "{product} — {label}: {value}.",
        "ja": "{product} — {label}：{value}。", "ko": "{product} — {label}: {value}.",
    },
    "stock_in": {
        "en": "in stock", "zh": "有货", "es": "en stock", "fr": "en stock", "de": "auf Lager", "it": "disponibile",
        "pt": "em estoque", "nl": "op voorraad", "pl": "dostępny", "ru": "в наличии", "tr": "stokta var", "ar": "متوفر",
        "ja": "在庫あり", "ko": "재고 있음",
    },
    "stock_low": {
        "en": "in stock, only {n} left", "zh": "有货，仅剩{n}件", "es": "en stock, quedan solo {n}",
        "fr": "en stock, plus que {n}", "de": "auf Lager, nur noch {n} Stück", "it": "disponibile, ne restano solo {n}",
        "pt": "em estoque, restam apenas {n}", "nl": "op voorraad, nog maar {n}", "pl": "dostępny, zostało tylko {n} szt.",
        "ru": "в наличии, осталось всего {n} шт.", "tr": "stokta, yalnızca {n} adet kaldı", "ar": "متوفر، بقي {n} فقط",
        "ja": "在庫あり（残り{n}点）", "ko": "재고 있음, {n}개 남음",
    },
    "stock_out": {
        "en": "currently out of stock", "zh": "目前缺货", "es": "agotado por ahora", "fr": "actuellement en rupture de stock",
        "de": "derzeit nicht auf Lager", "it": "al momento esaurito", "pt": "esgotado no momento", "nl": "momenteel uitverkocht",
        "pl": "obecnie niedostępny", "ru": "сейчас нет в наличии", "tr": "şu anda stokta yok", "ar": "غير متوفر حاليًا",
        "ja": "現在在庫切れ", "ko": "현재 품절",
    },
    "months": {
        "en": "{n} months", "zh": "{n}个月", "es": "{n} meses", "fr": "{n} mois", "de": "{n} Monate", "it": "{n} mesi",
        "pt": "{n} meses", "nl": "{n} maanden", "pl": "{n} mies.", "ru": "{n} мес.", "tr": "{n} ay", "ar": "{n} شهرًا",
        "ja": "{n}か月", "ko": "{n}개월",
    },
    "product_not_found": {
        "en": "I could not find that product in our catalog. Please send its product code (for example {example}) or model name.",
        "zh": "我们的商品目录中没有找到该商品。请发送商品编号（例如 {example}）或型号名称。",
        "es": "No encontré ese producto en nuestro catálogo. Envíe su código de producto (por ejemplo {example}) o el nombre del modelo.",
        "fr": "Je n'ai pas trouvé ce produit dans notre catalogue. Envoyez son code produit (par exemple {example}) ou le nom du modèle.",
        "de": "Ich habe dieses Produkt nicht in unserem Katalog gefunden. Bitte senden Sie die Artikelnummer (zum Beispiel {example}) oder den Modellnamen.",
        "it": "Non ho trovato questo prodotto nel nostro catalogo. Invii il codice prodotto (ad esempio {example}) o il nome del modello.",
        "pt": "Não encontrei esse produto no nosso catálogo. Envie o código do produto (por exemplo {example}) ou o nome do modelo.",
        "nl": "Ik heb dit product niet in onze catalogus gevonden. Stuur de productcode (bijvoorbeeld {example}) of de modelnaam.",
        "pl": "Nie znalazłem tego produktu w naszym katalogu. Podaj kod produktu (np. {example}) lub nazwę modelu.",
        "ru": "Я не нашёл этот товар в нашем каталоге. Пришлите код товара (например, {example}) или название модели.",
        "tr": "Bu ürünü kataloğumuzda bulamadım. Lütfen ürün kodunu (örneğin {example}) veya model adını gönderin.",
        "ar": "لم أجد هذا المنتج في كتالوجنا. أرسل رمز المنتج (مثل {example}) أو اسم الطراز.",
        "ja": "その商品は当店のカタログに見つかりませんでした。商品コード（例：{example}）またはモデル名を送ってください。",
        "ko": "해당 상품을 카탈로그에서 찾지 못했습니다. 상품 코드(예: {example}) 또는 모델명을 보내 주세요.",
    },
    "policy_return_window": {
        "en": "You can return an item within {n} days of delivery.", "zh": "您可以在收货后{n}天内退货。",
        "es": "Puede devolver un artículo en un plazo de {n} días desde la entrega.", "fr": "Vous pouvez retourner un article dans les {n} jours suivant la livraison.",
        "de": "Sie können einen Artikel innerhalb von {n} Tagen nach der Zustellung zurückgeben.", "it": "Può restituire un articolo entro {n} giorni dalla consegna.",
        "pt": "Pode devolver um artigo em até {n} dias após a entrega.", "nl": "U kunt een artikel binnen {n} dagen na levering retourneren.",
        "pl": "Możesz zwrócić produkt w ciągu {n} dni od dostawy.", "ru": "Вы можете вернуть товар в течение {n} дней после доставки.",
        "tr": "Bir ürünü teslimattan itibaren {n} gün içinde iade edebilirsiniz.", "ar": "يمكنك إرجاع المنتج خلال {n} يومًا من التسليم.",
        "ja": "商品は配達から{n}日以内であれば返品できます。", "ko": "상품은 배송 완료 후 {n}일 이내에 반품할 수 있습니다.",
    },
    "policy_refund_time": {
        "en": "Refunds go to the original payment method within {days} business days after the return is approved.",
        "zh": "退货获批后，退款将在{days}个工作日内退回原支付方式。",
        "es": "El reembolso se hace al método de pago original en un plazo de {days} días hábiles tras aprobar la devolución.",
        "fr": "Le remboursement est versé sur le moyen de paiement d'origine sous {days} jours ouvrés après l'approbation du retour.",
        "de": "Die Erstattung erfolgt auf das ursprüngliche Zahlungsmittel innerhalb von {days} Werktagen nach Genehmigung der Rücksendung.",
        "it": "Il rimborso va sul metodo di pagamento originale entro {days} giorni lavorativi dall'approvazione del reso.",
        "pt": "O reembolso vai para o meio de pagamento original em até {days} dias úteis após a aprovação da devolução.",
        "nl": "De terugbetaling gaat naar de oorspronkelijke betaalmethode binnen {days} werkdagen nadat de retour is goedgekeurd.",
        "pl": "Zwrot pieniędzy trafia na pierwotną metodę płatności w ciągu {days} dni roboczych od zatwierdzenia zwrotu.",
        "ru": "Деньги возвращаются на исходный способ оплаты в течение {days} рабочих дней после одобрения возврата.",
        "tr": "İade onaylandıktan sonra {days} iş günü içinde ödeme, orijinal ödeme yönteminize iade edilir.",
        "ar": "يُعاد المبلغ إلى وسيلة الدفع الأصلية خلال {days} أيام عمل بعد الموافقة على الإرجاع.",
        "ja": "返金は返品承認後{days}営業日以内に、元のお支払い方法に行われます。",
        "ko": "환불은 반품 승인 후 {days}영업일 이내에 원래 결제 수단으로 처리됩니다.",
    },
    "policy_returnless": {
        "en": "When return shipping would cost more than {pct} of the item value, we may offer a partial refund without a return.",
        "zh": "如果退货运费超过商品价值的{pct}，我们可能提供无需退货的部分退款。",
        "es": "Si el envío de devolución cuesta más del {pct} del valor del artículo, podemos ofrecer un reembolso parcial sin devolución.",
        "fr": "Si le retour coûte plus de {pct} de la valeur de l'article, nous pouvons proposer un remboursement partiel sans retour.",
        "de": "Wenn die Rücksendung mehr als {pct} des Warenwerts kosten würde, können wir eine Teilerstattung ohne Rücksendung anbieten.",
        "it": "Se la spedizione di reso costa più del {pct} del valore dell'articolo, possiamo offrire un rimborso parziale senza reso.",
        "pt": "Se o envio de devolução custar mais de {pct} do valor do artigo, podemos oferecer um reembolso parcial sem devolução.",
        "nl": "Als het retourneren meer dan {pct} van de waarde van het artikel kost, kunnen we een gedeeltelijke terugbetaling zonder retour aanbieden.",
        "pl": "Gdy wysyłka zwrotna kosztowałaby ponad {pct} wartości produktu, możemy zaproponować częściowy zwrot pieniędzy bez odsyłania.",
        "ru": "Если обратная доставка стоит больше {pct} стоимости товара, мы можем предложить частичный возврат денег без возврата товара.",
        "tr": "İade kargosu ürün değerinin {pct} fazlasına mal olacaksa, iade olmadan kısmi geri ödeme önerebiliriz.",
        "ar": "إذا كانت تكلفة شحن الإرجاع أكثر من {pct} من قيمة المنتج، فقد نعرض استردادًا جزئيًا دون إرجاع.",
        "ja": "返送料が商品価格の{pct}を超える場合、返品なしの一部返金をご提案することがあります。",
        "ko": "반품 배송비가 상품 가격의 {pct}를 넘으면 반품 없이 부분 환불을 제안할 수 있습니다.",
    },
    "damage_report": {
        "en": "I am sorry there is a problem with your item. Please report it within {n} days of delivery, with photos or a short video of the problem and of the shipping box: open the “Return / refund” tab at the top of this chat and fill in the claim form.",
        "zh": "很抱歉您的商品出现问题。请在收货后{n}天内报告，并附上问题和外包装箱的照片或短视频：打开本聊天窗口顶部的“Return / refund”标签页并填写申请表。",
        "es": "Lamento que haya un problema con su artículo. Repórtelo en un plazo de {n} días desde la entrega, con fotos o un vídeo corto del problema y de la caja de envío: abra la pestaña «Return / refund» arriba en este chat y rellene el formulario.",
        "fr": "Je suis désolé qu'il y ait un problème avec votre article. Signalez-le dans les {n} jours suivant la livraison, avec des photos ou une courte vidéo du problème et du carton : ouvrez l'onglet « Return / refund » en haut de ce chat et remplissez le formulaire.",
        "de": "Es tut mir leid, dass es ein Problem mit Ihrem Artikel gibt. Bitte melden Sie es innerhalb von {n} Tagen nach der Zustellung, mit Fotos oder einem kurzen Video vom Problem und vom Versandkarton: Öffnen Sie oben in diesem Chat den Reiter „Return / refund“ und füllen Sie das Formular aus.",
        "it": "Mi dispiace che ci sia un problema con il suo articolo. Lo segnali entro {n} giorni dalla consegna, con foto o un breve video del problema e della scatola di spedizione: apra la scheda «Return / refund» in alto in questa chat e compili il modulo.",
        "pt": "Lamento que haja um problema com o seu artigo. Informe-o em até {n} dias após a entrega, com fotos ou um vídeo curto do problema e da caixa de envio: abra a aba “Return / refund” no topo deste chat e preencha o formulário.",
        "nl": "Het spijt me dat er een probleem is met uw artikel. Meld het binnen {n} dagen na levering, met foto's of een korte video van het probleem en van de verzenddoos: open het tabblad „Return / refund” bovenaan deze chat en vul het formulier in.",
        "pl": "Przykro mi, że z produktem jest problem. Zgłoś go w ciągu {n} dni od dostawy, ze zdjęciami lub krótkim filmem problemu i kartonu: otwórz zakładkę „Return / refund” u góry tego czatu i wypełnij formularz.",
        "ru": "Мне жаль, что с товаром проблема. Сообщите о ней в течение {n} дней после доставки, приложив фото или короткое видео проблемы и коробки: откройте вкладку «Return / refund» вверху этого чата и заполните форму.",
        "tr": "Ürününüzle ilgili bir sorun olduğu için üzgünüm. Lütfen teslimattan itibaren {n} gün içinde, sorunun ve kargo kutusunun fotoğrafları veya kısa bir videosuyla bildirin: bu sohbetin üstündeki “Return / refund” sekmesini açıp formu doldurun.",
        "ar": "يؤسفني وجود مشكلة في منتجك. يرجى الإبلاغ عنها خلال {n} يومًا من التسليم، مع صور أو فيديو قصير للمشكلة ولصندوق الشحن: افتح تبويب «Return / refund» أعلى هذه الدردشة واملأ النموذج.",
        "ja": "商品に問題があり申し訳ありません。配達から{n}日以内に、問題箇所と配送箱の写真または短い動画を添えてご報告ください。このチャット上部の「Return / refund」タブを開き、フォームにご記入ください。",
        "ko": "상품에 문제가 있어 죄송합니다. 배송 완료 후 {n}일 이내에 문제 부분과 배송 상자의 사진 또는 짧은 동영상과 함께 신고해 주세요. 이 채팅 상단의 “Return / refund” 탭을 열고 양식을 작성해 주세요.",
    },
    "damage_order": {
        "en": "Use order number {order_no} in the form.", "zh": "请在表单中填写订单号 {order_no}。",
        "es": "Use el número de pedido {order_no} en el formulario.", "fr": "Indiquez le numéro de commande {order_no} dans le formulaire.",
        "de": "Geben Sie im Formular die Bestellnummer {order_no} an.", "it": "Indichi nel modulo il numero d'ordine {order_no}.",
        "pt": "Use o número do pedido {order_no} no formulário.", "nl": "Vul bestelnummer {order_no} in op het formulier.",
        "pl": "W formularzu podaj numer zamówienia {order_no}.", "ru": "Укажите в форме номер заказа {order_no}.",
        "tr": "Formda {order_no} sipariş numarasını kullanın.", "ar": "استخدم رقم الطلب {order_no} في النموذج.",
        "ja": "フォームには注文番号 {order_no} をご入力ください。", "ko": "양식에 주문 번호 {order_no}을(를) 입력해 주세요.",
    },
    "damage_after": {
        "en": "After {n} days, problems are handled under the warranty.", "zh": "超过{n}天后，问题将按保修处理。",
        "es": "Pasados {n} días, los problemas se tramitan por la garantía.", "fr": "Après {n} jours, les problèmes relèvent de la garantie.",
        "de": "Nach {n} Tagen werden Probleme über die Garantie abgewickelt.", "it": "Dopo {n} giorni, i problemi rientrano nella garanzia.",
        "pt": "Após {n} dias, os problemas são tratados pela garantia.", "nl": "Na {n} dagen vallen problemen onder de garantie.",
        "pl": "Po {n} dni problemy są rozpatrywane w ramach gwarancji.", "ru": "По истечении {n} дней проблемы решаются по гарантии.",
        "tr": "{n} gün sonrasında sorunlar garanti kapsamında ele alınır.", "ar": "بعد {n} يومًا، تُعالج المشكلات ضمن الضمان.",
        "ja": "{n}日を過ぎた場合は保証での対応となります。", "ko": "{n}일이 지나면 보증으로 처리됩니다.",
    },
    "fallback_sources": {
        "en": "These documents of ours cover your question (open them below):", "zh": "以下资料涉及您的问题（请打开下方来源查看）：",
        "es": "Estos documentos nuestros tratan su pregunta (ábralos abajo):", "fr": "Ces documents traitent de votre question (ouvrez-les ci-dessous) :",
        "de": "Diese Unterlagen behandeln Ihre Frage (unten zu öffnen):", "it": "Questi nostri documenti trattano la sua domanda (li apra qui sotto):",
        "pt": "Estes documentos tratam da sua pergunta (abra-os abaixo):", "nl": "Deze documenten gaan over uw vraag (open ze hieronder):",
        "pl": "Te dokumenty dotyczą Twojego pytania (otwórz je poniżej):", "ru": "Ваш вопрос освещён в этих документах (откройте их ниже):",
        "tr": "Sorunuz şu belgelerimizde yer alıyor (aşağıdan açın):", "ar": "تتناول مستنداتنا التالية سؤالك (افتحها أدناه):",
        "ja": "ご質問は次の資料に記載があります（下から開いてください）：", "ko": "문의하신 내용은 다음 자료에 있습니다(아래에서 열어 보세요):",
    },
}

# Attribute names as the buyer reads them; a spec key without a label is shown humanised ("color gamut").
LABELS: dict[str, dict[str, str]] = {
    "price": {"en": "price", "zh": "价格", "es": "precio", "fr": "prix", "de": "Preis", "it": "prezzo", "pt": "preço",
              "nl": "prijs", "pl": "cena", "ru": "цена", "tr": "fiyat", "ar": "السعر", "ja": "価格", "ko": "가격"},
    "stock": {"en": "availability", "zh": "库存", "es": "disponibilidad", "fr": "disponibilité", "de": "Verfügbarkeit",
              "it": "disponibilità", "pt": "disponibilidade", "nl": "beschikbaarheid", "pl": "dostępność", "ru": "наличие",
              "tr": "stok durumu", "ar": "التوفر", "ja": "在庫", "ko": "재고"},
    "warranty": {"en": "warranty", "zh": "保修", "es": "garantía", "fr": "garantie", "de": "Garantie", "it": "garanzia",
                 "pt": "garantia", "nl": "garantie", "pl": "gwarancja", "ru": "гарантия", "tr": "garanti", "ar": "الضمان",
                 "ja": "保証", "ko": "보증"},
    "weight": {"en": "weight", "zh": "重量", "es": "peso", "fr": "poids", "de": "Gewicht", "it": "peso", "pt": "peso",
               "nl": "gewicht", "pl": "waga", "ru": "вес", "tr": "ağırlık", "ar": "الوزن", "ja": "重さ", "ko": "무게"},
    "in_the_box": {"en": "in the box", "zh": "包装内容", "es": "contenido de la caja", "fr": "contenu de la boîte",
                   "de": "Lieferumfang", "it": "contenuto della confezione", "pt": "conteúdo da caixa", "nl": "inhoud van de doos",
                   "pl": "zawartość zestawu", "ru": "комплектация", "tr": "kutu içeriği", "ar": "محتويات العلبة",
                   "ja": "付属品", "ko": "구성품"},
    "compatibility": {"en": "compatibility", "zh": "兼容性", "es": "compatibilidad", "fr": "compatibilité",
                      "de": "Kompatibilität", "it": "compatibilità", "pt": "compatibilidade", "nl": "compatibiliteit",
                      "pl": "kompatybilność", "ru": "совместимость", "tr": "uyumluluk", "ar": "التوافق", "ja": "対応機器",
                      "ko": "호환성"},
    "response_time": {"en": "response time", "zh": "响应时间", "es": "tiempo de respuesta", "fr": "temps de réponse",
                      "de": "Reaktionszeit", "it": "tempo di risposta", "pt": "tempo de resposta", "nl": "reactietijd",
                      "pl": "czas reakcji", "ru": "время отклика", "tr": "tepki süresi", "ar": "زمن الاستجابة",
                      "ja": "応答速度", "ko": "응답 속도"},
    "refresh_rate": {"en": "refresh rate", "zh": "刷新率", "es": "frecuencia de actualización", "fr": "taux de rafraîchissement",
                     "de": "Bildwiederholrate", "it": "frequenza di aggiornamento", "pt": "taxa de atualização",
                     "nl": "verversingssnelheid", "pl": "częstotliwość odświeżania", "ru": "частота обновления",
                     "tr": "yenileme hızı", "ar": "معدل التحديث", "ja": "リフレッシュレート", "ko": "주사율"},
    "ports": {"en": "ports", "zh": "接口", "es": "puertos", "fr": "ports", "de": "Anschlüsse", "it": "porte", "pt": "portas",
              "nl": "poorten", "pl": "złącza", "ru": "разъёмы", "tr": "portlar", "ar": "المنافذ", "ja": "端子", "ko": "포트"},
    "resolution": {"en": "resolution", "zh": "分辨率", "es": "resolución", "fr": "résolution", "de": "Auflösung",
                   "it": "risoluzione", "pt": "resolução", "nl": "resolutie", "pl": "rozdzielczość", "ru": "разрешение",
                   "tr": "çözünürlük", "ar": "الدقة", "ja": "解像度", "ko": "해상도"},
    "size": {"en": "screen size", "zh": "尺寸", "es": "tamaño", "fr": "taille", "de": "Größe", "it": "dimensione",
             "pt": "tamanho", "nl": "formaat", "pl": "rozmiar", "ru": "размер", "tr": "boyut", "ar": "الحجم", "ja": "サイズ",
             "ko": "크기"},
    "brightness": {"en": "brightness", "zh": "亮度", "es": "brillo", "fr": "luminosité", "de": "Helligkeit",
                   "it": "luminosità", "pt": "brilho", "nl": "helderheid", "pl": "jasność", "ru": "яркость",
                   "tr": "parlaklık", "ar": "السطوع", "ja": "輝度", "ko": "밝기"},
    "panel": {"en": "panel", "zh": "面板", "es": "panel", "fr": "dalle", "de": "Panel", "it": "pannello", "pt": "painel",
              "nl": "paneel", "pl": "matryca", "ru": "матрица", "tr": "panel", "ar": "اللوحة", "ja": "パネル", "ko": "패널"},
    "dimensions": {"en": "dimensions", "zh": "外形尺寸", "es": "dimensiones", "fr": "dimensions", "de": "Abmessungen",
                   "it": "dimensioni", "pt": "dimensões", "nl": "afmetingen", "pl": "wymiary", "ru": "габариты",
                   "tr": "ölçüler", "ar": "الأبعاد", "ja": "寸法", "ko": "치수"},
    "color_gamut": {"en": "color gamut", "zh": "色域", "es": "gama de colores", "fr": "gamut", "de": "Farbraum",
                    "it": "gamma cromatica", "pt": "gama de cores", "nl": "kleurbereik", "pl": "gamut", "ru": "цветовой охват",
                    "tr": "renk gamı", "ar": "نطاق الألوان", "ja": "色域", "ko": "색역"},
    "power": {"en": "power", "zh": "供电", "es": "alimentación", "fr": "alimentation", "de": "Stromversorgung",
              "it": "alimentazione", "pt": "alimentação", "nl": "voeding", "pl": "zasilanie", "ru": "питание",
              "tr": "güç", "ar": "الطاقة", "ja": "電源", "ko": "전원"},
    "vesa": {"en": "mounting", "zh": "安装", "es": "montaje", "fr": "fixation", "de": "Montage", "it": "montaggio",
             "pt": "montagem", "nl": "montage", "pl": "montaż", "ru": "крепление", "tr": "montaj", "ar": "التثبيت",
             "ja": "取り付け", "ko": "거치"},
    "touch": {"en": "touch", "zh": "触摸", "es": "táctil", "fr": "tactile", "de": "Touch", "it": "touch", "pt": "touch",
              "nl": "touch", "pl": "dotyk", "ru": "сенсор", "tr": "dokunmatik", "ar": "اللمس", "ja": "タッチ", "ko": "터치"},
}


def text(key: str, language: str, **values: object) -> str:
    sentences = T[key]
    return sentences.get(language, sentences["en"]).format(**values)


def label(attribute: str, language: str) -> str:
    names = LABELS.get(attribute)
    return names.get(language, names["en"]) if names else attribute.replace("_", " ")


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (ValueError, TypeError):
        return Locale.parse("en")


def money(amount: Decimal, currency: str, language: str) -> str:
    return format_currency(amount, currency or "USD", locale=_locale(language))


def number(value: Decimal | int, language: str) -> str:
    return format_decimal(value, locale=_locale(language))


def percent(value: Decimal, language: str) -> str:
    return format_percent(value / 100, locale=_locale(language))


def days(low: int | None, high: int | None, language: str) -> str:
    if low is None or high is None or low == high:
        return text("days_one", language, n=number(low if low is not None else high or 0, language))
    return text("days_range", language, low=number(low, language), high=number(high, language))


def listing(items: list[str], language: str) -> str:
    return format_list(items, locale=_locale(language))
