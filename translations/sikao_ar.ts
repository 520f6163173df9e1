<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>نص ملصق</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>الأسطر: %1 · الأحرف: %2</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>استبعاد هذا النص من الرسالة</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>فكّر قبل الإجابة</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>النماذج التي يقرأ قالبها enable_thinking تجيب مباشرة عند إيقاف هذا الخيار.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>ميزانية التفكير</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>غير محدودة</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 رمز</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>ميزانية التفكير بالرموز</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>رسالة (Enter للإرسال، Shift+Enter لسطر جديد)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>إيقاف التوليد</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>موجّه النظام</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>موجّه النظام ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>تعديل موجّه النظام لهذه المحادثة</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>تعليمات يتّبعها النموذج في هذه المحادثة. تبدأ المحادثات الجديدة بالقيمة الافتراضية من الإعدادات.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>تعليمات للنموذج في هذه المحادثة (فارغ: لا شيء)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>موجّه النظام لهذه المحادثة</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>التوقف عند امتلاء السياق</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>عند الإيقاف: إذا تجاوزت المحادثة سياق النموذج، تخرج أقدم رسائلها من نظر النموذج وتستمر المحادثة.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>مستوى الاستدلال</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>منخفض</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>متوسط</translation>
    </message>
    <message>
        <source>High</source>
        <translation>مرتفع</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>المدة التي يستدل فيها النموذج قبل أن يجيب.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>شيفرة</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>نسخ الشيفرة</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>لم يعد ملف النموذج موجودًا. ربما نُقل أو حُذف.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>تعذّرت قراءة الملف. تحقّق من أنه موجود وأن لديك إذن قراءته.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>هذا ليس ملف نموذج GGUF صالحًا للاستخدام: إنه تالف أو غير مكتمل.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>لا يستطيع Sikao تشغيل هذا النوع من النماذج (بنيته غير مدعومة).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>لا يستطيع Sikao تشغيل نوع التكميم في هذا النموذج.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>لا يستطيع Sikao تشغيل هذا النموذج: إنه يستخدم شيئًا غير مدعوم بعد.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>لم يُعثر على جهاز رسوميات صالح للاستخدام. ثبّت برنامج تشغيل Vulkan لوحدة GPU لديك.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>توقف جهاز الرسوميات عن الاستجابة. حمّل النموذج مرة أخرى.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>لا توجد ذاكرة كافية لهذا النموذج. جرّب نموذجًا أصغر أو سياقًا أقصر.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>أبلغ جهاز الرسوميات عن خطأ.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>تعذّر على المحرّك تنفيذ ما طُلب.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>أُلغي التحميل.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>تعذّرت كتابة سجل المحادثات.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>القرص ممتلئ: تعذّر حفظ سجل المحادثات.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>برنامج آخر يستخدم سجل المحادثات. حاول مرة أخرى بعد قليل.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>قاعدة بيانات سجل المحادثات تالفة.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>كُتب سجل المحادثات بإصدار أحدث من Sikao.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>هذا الملف ليس محادثة صدّرها Sikao.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>لم تعد تلك المحادثة أو الرسالة موجودة.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>حدث خطأ ما داخل Sikao.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>مرحبًا بك في Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>فتح ملف GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>نماذج GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>يشغّل Sikao نموذجًا لغويًا على حاسوبك أنت، ولا يغادره شيء مما تكتبه. النموذج ملف واحد بصيغة GGUF، وليس لديك أي نموذج بعد.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. احصل على نموذج</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>من أي حاسوب فيه متصفح ويب، نزّل ملف GGUF لنموذج استدلال صغير، مثل Qwen3-1.7B أو DeepSeek-R1-Distill-Qwen-1.5B. نسخة Q4_K_M (نحو 1 إلى 2 غيغابايت) بداية جيدة. يشغّل Sikao عائلات النماذج Llama وQwen وGemma وPhi وSmolLM وGranite وMistral وgpt-oss.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. ضعه في مجلد النماذج</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>مجلد النماذج</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>فتح مجلد النماذج</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>وضعته هناك: ابحث مجددًا</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>أو افتح ملف GGUF من أي مكان:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>فتح ملف GGUF…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>تريد التجربة فقط؟ جرّب النموذج التجريبي</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>يأتي مع Sikao نموذج تجريبي صغير جدًا (نحو مليون معامل). لا يجيد سوى الحساب البسيط والمقارنات، لكنه يعرض استدلاله كما تفعل نماذج الاستدلال الحقيقية. إنه ليس مساعدًا عامًا.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>تحميل النموذج التجريبي</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>لديك بالفعل نماذج يستطيع Sikao تشغيلها</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>تحتفظ بها تطبيقات أخرى على هذا الحاسوب. يقرؤها Sikao فقط؛ وتبقى في مكانها.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>من %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>تحميل</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>تحميل %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>مفتش التفكير</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>نسخ التفكير</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>إغلاق المفتش</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>البحث في التفكير</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>خطوات التفكير</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>الخطوة %1 · %2 رمز · متوسط الثقة %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>الخطوة %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>«%1»: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>لم تُحفظ احتمالات الرموز لهذه الإجابة.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sikao</source>
        <translation>Sikao</translation>
    </message>
    <message>
        <source>%1 — Sikao</source>
        <translation>%1 — Sikao</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>العودة إلى المحادثة</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>العودة إلى المحادثة (Esc)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>المساعد</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>خطأ: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>الرسالة المعدّلة</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>الإصدار السابق</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>الإصدار التالي</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>نسخ الرسالة</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>إعادة توليد الإجابة</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>تعديل وإعادة الإرسال</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 رمز · %2 رمز/ث</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>رسالة</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>عرض أقل</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>عرض الكل (%1 حرفًا)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>خارج نظر النموذج</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>امتلأ السياق: تنتهي الإجابة هنا.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>المتابعة في محادثة جديدة مع ملخص</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>بقية الرسالة</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>فتح ملف GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>نماذج GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>إضافة مجلد نماذج</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>فتح ملف GGUF…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>تحديث قائمة النماذج</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>جارٍ تحميل %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>تم التحميل: %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>الجهاز: %1 · السياق %2 رمزًا</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>تقدّم التحميل</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1٪</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>إلغاء تحميل النموذج</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>رسالة الخطأ</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>مجلد النماذج: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>يُبحث أيضًا في: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>التوقف عن البحث في %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>جارٍ قراءة ملفات النماذج</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>لا توجد نماذج بعد. ضع ملف ‎.gguf في مجلد النماذج أو افتح ملفًا.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>استدلال</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>عرض تجريبي صغير</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>محمَّل</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 معامل · السياق %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>تحميل</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>تحميل %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>إزالة %1 من القائمة</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>الأوزان: %1 على الجهاز، و%2 في ذاكرة النظام</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>الأوزان: %1 على الجهاز</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>موجودة على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>جارٍ البحث في مجلدات LM Studio وOllama وJan وGPT4All وllama.cpp وHugging Face…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>لم يُعثر على نماذج من LM Studio أو Ollama أو Jan أو GPT4All أو llama.cpp أو Hugging Face.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>توقّف البحث عند حدّه؛ قد توجد نماذج أخرى.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>يقرأ Sikao هذه الملفات فقط؛ وتبقى في أماكنها.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (لا يمكن تشغيله: %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>من %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>فكّر لمدة %1 ث · %2 رمز</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>فحص</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>فتح مفتش التفكير</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>نسخ التفكير</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>التفكير</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>يفكّر… %1 ث · %2 رمزًا</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>أخذ العينات</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>الحرارة (0: دائمًا الرمز الأرجح)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: معطّل</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>عقوبة التكرار</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>بذرة عشوائية جديدة لكل إجابة</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>أقصى طول للإجابة (رموز)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>طول السياق (رموز)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: قيمة النموذج نفسه. يُطبَّق عند تحميل نموذج.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>استعادة إعدادات أخذ العينات الافتراضية</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>موجّه النظام الافتراضي</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>يُرسَل في بداية كل محادثة جديدة. اتركه فارغًا لعدم استخدام أي موجّه.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>أنت مساعد مفيد.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>السمة</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>مثل النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>حجم الخط</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>جهاز الرسوميات الذي يشغّل النموذج. يسري التغيير عند تحميل نموذج في المرة القادمة.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>تلقائي (أسرع جهاز)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2، ذاكرة %3</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>جارٍ البحث عن الأجهزة</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>ميزانية ذاكرة الجهاز (ميغابايت)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: تلقائي (90% من الذاكرة الخاصة ببطاقة الرسومات). نموذج خليط الخبراء الذي يتجاوزها يُبقي خبراءه في ذاكرة النظام. يُطبَّق عند تحميل نموذج.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>بدء محادثة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>البحث في كل المحادثات</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>التفكير: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا توجد نتائج</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>المثبّتة</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>عنوان جديد</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>إجراءات المحادثة</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>إعادة التسمية</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>إلغاء التثبيت</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>تثبيت</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>تصدير بتنسيق Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>تصدير بتنسيق JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>تم حذف «%1»</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>التراجع عن الحذف</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>تصدير المحادثة</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>إدارة النماذج</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>اختيار النماذج وفتحها وتحميلها</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>أخذ العينات وموجّه النظام والمظهر واللغة والجهاز (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>إخفاء المحادثات (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>إظهار المحادثات (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>البحث في كل المحادثات</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>ابدأ محادثة</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>النموذج: %1 على %2، السياق %3 رمزًا.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>جارٍ تحميل %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>لم يُحمَّل أي نموذج.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>تقدّم تحميل النموذج</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>اكتب رسالة في الأسفل. يعرض نموذج الاستدلال تفكيره فوق الإجابة؛ افتحه لتفحّص كل خطوة ومدى ثقة النموذج بكل رمز.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>النماذج…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>إدارة النماذج</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>هذا نموذج Sikao التجريبي الصغير: لا يجيد إلا الحساب البسيط والمقارنات. لمساعد حقيقي، حمّل نموذجًا خاصًا بك من «النماذج».</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>لا يوجد نموذج</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>النموذج: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>جارٍ تحميل النموذج…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>تقدّم تحميل النموذج</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>إلغاء تحميل النموذج</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>الجهاز: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>السياق %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 رمز/ث</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>جارٍ التوليد… (Esc للإيقاف)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>تنسيق المحادثة المدمج</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>تعذّر استخدام قالب المحادثة الخاص بالنموذج، لذا استُخدم التنسيق المدمج بدلًا منه: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>السجل للقراءة فقط</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>السجل للقراءة فقط: لا يمكن حفظ الرسائل الجديدة.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>كانت قاعدة بيانات السجل تالفة (%1). احتُفظ بها باسم %2 وأُنشئت قاعدة جديدة.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>تعذّر فتح السجل (%1). محادثات هذه الجلسة محفوظة في %2 فقط.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>لا يمكن الكتابة في السجل في %1 (للقراءة فقط). تُعرض المحادثات السابقة، ولا تُحفظ الرسائل الجديدة.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>لا يزال النموذج قيد التحميل.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>لا يوجد نموذج محمّل. افتح نموذج GGUF لبدء المحادثة.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>انتظر الإجابة أو أوقفها.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>السجل للقراءة فقط: لا يمكن حفظ الرسائل الجديدة.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>رسالة سابقة واحدة خارج نظر النموذج</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>عدد الرسائل السابقة خارج نظر النموذج: %1</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>لم تعد هذه المحادثة تتسع في سياق النموذج (%1 رمزًا). ابدأ محادثة جديدة، أو أوقف «التوقف عند امتلاء السياق» لتخرج أقدم الرسائل من نظر النموذج.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(حُذفت رسالة سابقة واحدة)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(عدد الرسائل السابقة المحذوفة: %1)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>لخّص محادثتنا السابقة حتى نتمكن من متابعتها. اكتب الملخص فقط: موضوعها، وما اكتُشف أو تقرر، وما زال مفتوحًا. المحادثة:

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (متابعة)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>المثبّتة</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>أقدم</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>تنسيق تصدير غير معروف «%1» (استخدم md أو json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت الكتابة إلى %1: %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>معالج رسوميات منفصل</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>معالج رسوميات مدمج</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>معالج رسوميات افتراضي</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>المعالج المركزي</translation>
    </message>
    <message>
        <source>other</source>
        <translation>أخرى</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>لا يستطيع Sikao تشغيل بنية %1 بعد</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>لا يستطيع Sikao تشغيل نوع الموتر %1 بعد</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>ليس نموذجًا يستطيع Sikao قراءته</translation>
    </message>
</context>
</TS>
