<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 Zeilen · %2 Zeichen</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>Diesen Text aus der Nachricht herausnehmen</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Vor dem Antworten nachdenken</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>Modelle, deren Vorlage enable_thinking auswertet, antworten direkt, wenn dies ausgeschaltet ist.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>Denkbudget</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>Denkbudget in Tokens</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>Nachricht (Enter zum Senden, Shift+Enter für eine neue Zeile)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>Generierung stoppen</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>Systemprompt ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>Systemprompt dieses Chats bearbeiten</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>Anweisungen, denen das Modell in diesem Chat folgt. Neue Chats beginnen mit der Vorgabe aus den Einstellungen.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>Anweisungen an das Modell in diesem Chat (leer: keine)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>Systemprompt dieses Chats</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>Anhalten, wenn der Kontext voll ist</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>Aus: Wächst der Chat über den Kontext des Modells hinaus, fallen seine ältesten Nachrichten aus dem Blick des Modells und der Chat geht weiter.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Denkaufwand</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>Wie lange das Modell nachdenkt, bevor es antwortet.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>Die Modelldatei ist nicht mehr vorhanden. Sie wurde vielleicht verschoben oder gelöscht.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>Die Datei konnte nicht gelesen werden. Prüfen Sie, ob sie existiert und Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>Dies ist keine verwendbare GGUF-Modelldatei: Sie ist beschädigt oder unvollständig.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao kann diese Art von Modell nicht ausführen (seine Architektur wird nicht unterstützt).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao kann den Quantisierungstyp dieses Modells nicht ausführen.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao kann dieses Modell nicht ausführen: Es verwendet etwas, das noch nicht unterstützt wird.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>Es wurde kein verwendbares Grafikgerät gefunden. Installieren Sie einen Vulkan-Treiber für Ihre GPU.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>Das Grafikgerät reagiert nicht mehr. Laden Sie das Modell erneut.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>Für dieses Modell ist nicht genug Speicher vorhanden. Versuchen Sie ein kleineres Modell oder einen kürzeren Kontext.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>Das Grafikgerät hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>Die Engine konnte die Anfrage nicht ausführen.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>Der Chatverlauf konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>Der Datenträger ist voll: Der Chatverlauf konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>Ein anderes Programm verwendet den Chatverlauf. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>Die Datenbank des Chatverlaufs ist beschädigt.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>Der Chatverlauf wurde von einer neueren Sikao-Version geschrieben.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>Diese Datei ist kein von Sikao exportierter Chat.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>Dieser Chat oder diese Nachricht existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>In Sikao ist etwas schiefgelaufen.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Willkommen bei Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>GGUF-Datei öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao führt ein Sprachmodell auf Ihrem eigenen Computer aus; nichts, was Sie eingeben, verlässt ihn. Ein Modell ist eine Datei im GGUF-Format, und Sie haben noch keine.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. Ein Modell besorgen</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>Laden Sie auf einem beliebigen Computer mit Webbrowser die GGUF-Datei eines kleinen Reasoning-Modells herunter, zum Beispiel Qwen3-1.7B oder DeepSeek-R1-Distill-Qwen-1.5B. Die Q4_K_M-Version (etwa 1 bis 2 GB) ist ein guter Anfang. Sikao führt die Modellfamilien Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral und gpt-oss aus.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. In den Modellordner legen</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>Erledigt: erneut suchen</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>Oder eine GGUF-Datei von einem beliebigen Ort öffnen:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF-Datei öffnen…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>Nur mal schauen? Probieren Sie das Demomodell</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao enthält ein winziges Demomodell (etwa eine Million Parameter). Es beherrscht nur einfache Rechenaufgaben und Vergleiche, zeigt sein Denken aber so wie echte Reasoning-Modelle. Es ist kein allgemeiner Assistent.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>Demomodell laden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>Sie haben bereits Modelle, die Sikao ausführen kann</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>Andere Apps bewahren sie auf diesem Computer auf. Sikao liest sie nur; sie bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>Aus %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>Denkprozess-Inspektor</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Denkprozess kopieren</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>Inspektor schließen</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>Im Denkprozess suchen</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>Denkschritte</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>Schritt %1 · %2 Tokens · mittlere Konfidenz %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>„%1“: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>Für diese Antwort wurden keine Token-Wahrscheinlichkeiten gespeichert.</translation>
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
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>Zurück zum Chat</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>Zurück zum Chat (Esc)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>Bearbeitete Nachricht</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Vorherige Version</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Nächste Version</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>Antwort neu generieren</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 Tokens · %2 Tokens/s</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Weniger anzeigen</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>Alles anzeigen (%1 Zeichen)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>Außerhalb des Blicks des Modells</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>Der Kontext ist voll: Die Antwort endet hier.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>In einem neuen Chat mit einer Zusammenfassung fortsetzen</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>Rest der Nachricht</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>GGUF-Datei öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>Modellordner hinzufügen</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>GGUF-Datei öffnen…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>Modellliste aktualisieren</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Geladen: %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>Gerät: %1 · Kontext %2 Token</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Laden des Modells abbrechen</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>Modellordner: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>Außerdem durchsucht: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>%1 nicht mehr durchsuchen</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>Modelldateien werden gelesen</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>Noch keine Modelle. Legen Sie eine .gguf-Datei in den Modellordner oder öffnen Sie eine.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>Mini-Demo</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 Parameter · Kontext %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>%1 aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>Gewichte: %1 auf dem Gerät, %2 im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>Gewichte: %1 auf dem Gerät</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Auf diesem Computer gefunden</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>Suche in den Ordnern von LM Studio, Ollama, Jan, GPT4All, llama.cpp und Hugging Face…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>Keine Modelle von LM Studio, Ollama, Jan, GPT4All, llama.cpp oder Hugging Face gefunden.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>Die Suche hat an ihrer Grenze angehalten; es kann weitere geben.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao liest diese Dateien nur; sie bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (nicht ausführbar: %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>Aus %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>%1 s nachgedacht · %2 Tokens</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>Denkprozess-Inspektor öffnen</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Denkprozess kopieren</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Denkprozess</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>Denkt nach… %1 s · %2 Tokens</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>Temperatur (0: immer das wahrscheinlichste Token)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: aus</translation>
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
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>Neuer Zufalls-Seed für jede Antwort</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>Maximale Antwortlänge (Token)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Kontextlänge (Token)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: die des Modells. Gilt beim Laden eines Modells.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>Standard-Sampling-Einstellungen wiederherstellen</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Standard-Systemprompt</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>Wird zu Beginn jedes neuen Chats gesendet. Leer lassen, um keinen zu verwenden.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>Du bist ein hilfreicher Assistent.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>Das Grafikgerät, auf dem das Modell läuft. Eine Änderung gilt ab dem nächsten Laden eines Modells.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>Automatisch (das schnellste Gerät)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2, %3 Speicher</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>Geräte werden gesucht</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>Gerätespeicher-Budget (MB)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: automatisch (90 % des eigenen Speichers einer Grafikkarte). Ein Mixture-of-Experts-Modell, das darüber hinausgeht, hält Experten im Arbeitsspeicher. Gilt beim Laden eines Modells.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>Neuen Chat beginnen (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Alle Chats durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>Denkprozess: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>Neuer Titel</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Aktionen für die Unterhaltung</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Nicht mehr anheften</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Als Markdown exportieren…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Chat exportieren</translation>
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
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Modelle verwalten</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>Modelle auswählen, öffnen und laden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>Sampling, Systemprompt, Darstellung, Sprache und Gerät (Strg+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>Unterhaltungen ausblenden (Strg+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>Unterhaltungen einblenden (Strg+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Alle Chats durchsuchen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>Einen Chat beginnen</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>Modell: %1 auf %2, Kontext %3 Tokens.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Fortschritt beim Laden des Modells</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>Schreiben Sie unten eine Nachricht. Ein Reasoning-Modell zeigt sein Denken über der Antwort; öffnen Sie es, um jeden Schritt zu prüfen und wie sicher sich das Modell bei jedem Token war.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modelle…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Modelle verwalten</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>Dies ist Sikaos winziges Demo-Modell: Es kann nur einfache Rechenaufgaben und Vergleiche. Für einen echten Assistenten laden Sie unter „Modelle“ ein eigenes Modell.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Ladefortschritt des Modells</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Laden des Modells abbrechen</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>Kontext %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Generiert… (Esc zum Stoppen)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>Eingebautes Chatformat</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>Die Chatvorlage des Modells konnte nicht verwendet werden, daher wurde das eingebaute Format verwendet: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>Verlauf schreibgeschützt</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>Der Verlauf ist schreibgeschützt: Neue Nachrichten können nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>Die Verlaufsdatenbank war beschädigt (%1). Sie wurde als %2 aufbewahrt und eine neue angelegt.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>Der Verlauf kann nicht geöffnet werden (%1). Die Chats dieser Sitzung werden nur in %2 gespeichert.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>Der Verlauf unter %1 kann nicht geschrieben werden (schreibgeschützt). Frühere Chats werden angezeigt; neue Nachrichten werden nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Das Modell wird noch geladen.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>Kein Modell geladen. Öffnen Sie ein GGUF-Modell, um zu chatten.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>Warten Sie auf die Antwort oder stoppen Sie sie.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>Der Verlauf ist schreibgeschützt: Neue Nachrichten können nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>1 frühere Nachricht liegt außerhalb des Blicks des Modells</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>%1 frühere Nachrichten liegen außerhalb des Blicks des Modells</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>Dieser Chat passt nicht mehr in den Kontext des Modells (%1 Token). Beginne einen neuen Chat oder schalte „Anhalten, wenn der Kontext voll ist“ aus, damit die ältesten Nachrichten aus dem Blick des Modells fallen.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(1 frühere Nachricht ausgelassen)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(%1 frühere Nachrichten ausgelassen)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>Fasse unser bisheriges Gespräch zusammen, damit wir es fortsetzen können. Schreibe nur die Zusammenfassung: worum es ging, was herausgefunden oder entschieden wurde und was noch offen ist. Das Gespräch:

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (Fortsetzung)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>Unbekanntes Exportformat „%1“ (md oder json verwenden)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>dedizierte GPU</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>integrierte GPU</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>virtuelle GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstiges</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao kann die Architektur %1 noch nicht ausführen</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao kann den Tensortyp %1 noch nicht ausführen</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>Kein Modell, das Sikao lesen kann</translation>
    </message>
</context>
</TS>
