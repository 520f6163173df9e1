<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>Texte collé</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 lignes · %2 caractères</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>Retirer ce texte du message</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Réfléchir avant de répondre</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>Les modèles dont le gabarit lit enable_thinking répondent directement si cette option est désactivée.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>Budget de raisonnement</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>Budget de raisonnement en tokens</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>Message (Enter pour envoyer, Shift+Enter pour un saut de ligne)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>Arrêter la génération</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Invite système</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>Invite système ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>Modifier l’invite système de cette discussion</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>Instructions que le modèle suit dans cette discussion. Les nouvelles discussions commencent avec celle par défaut des paramètres.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>Instructions pour le modèle dans cette discussion (vide : aucune)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>Invite système de cette discussion</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>Arrêter quand le contexte est plein</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>Désactivé : quand la conversation dépasse le contexte du modèle, ses plus anciens messages sortent du champ du modèle et la conversation continue.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Effort de raisonnement</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>Combien de temps le modèle raisonne avant de répondre.</translation>
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
        <translation>Copier le code</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>Le fichier du modèle n’est plus là. Il a peut-être été déplacé ou supprimé.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>Le fichier n’a pas pu être lu. Vérifiez qu’il existe et que vous avez le droit de le lire.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>Ce n’est pas un fichier de modèle GGUF utilisable : il est endommagé ou incomplet.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>Sikao ne peut pas exécuter ce type de modèle (son architecture n’est pas prise en charge).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>Sikao ne peut pas exécuter le type de quantification de ce modèle.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>Sikao ne peut pas exécuter ce modèle : il utilise quelque chose qui n’est pas encore pris en charge.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>Aucun périphérique graphique utilisable n’a été trouvé. Installez un pilote Vulkan pour votre GPU.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>Le périphérique graphique ne répond plus. Chargez à nouveau le modèle.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>Il n’y a pas assez de mémoire pour ce modèle. Essayez un modèle plus petit ou un contexte plus court.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>Le périphérique graphique a signalé une erreur.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>Le moteur n’a pas pu faire ce qui était demandé.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Le chargement a été annulé.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>L’historique des discussions n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>Le disque est plein : l’historique des discussions n’a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>Un autre programme utilise l’historique des discussions. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>La base de données de l’historique des discussions est endommagée.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>L’historique des discussions a été écrit par une version plus récente de Sikao.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>Ce fichier n’est pas une discussion exportée par Sikao.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>Cette discussion ou ce message n’existe plus.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Un problème est survenu dans Sikao.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Bienvenue dans Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Ouvrir un fichier GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao exécute un modèle de langage sur votre propre ordinateur ; rien de ce que vous tapez n’en sort. Un modèle est un fichier au format GGUF, et vous n’en avez pas encore.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. Obtenir un modèle</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>Sur n’importe quel ordinateur doté d’un navigateur web, téléchargez le fichier GGUF d’un petit modèle de raisonnement, par exemple Qwen3-1.7B ou DeepSeek-R1-Distill-Qwen-1.5B. La version Q4_K_M (environ 1 à 2 Go) est un bon début. Sikao exécute les familles de modèles Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral et gpt-oss.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. Placez-le dans le dossier des modèles</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Dossier des modèles</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>Ouvrir le dossier des modèles</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>C’est fait : chercher à nouveau</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>Ou ouvrez un fichier GGUF depuis n’importe où :</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Ouvrir un fichier GGUF…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>Simple curiosité ? Essayez le modèle de démonstration</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao est livré avec un minuscule modèle de démonstration (environ un million de paramètres). Il ne fait que de l’arithmétique simple et des comparaisons, mais il montre son raisonnement comme les vrais modèles de raisonnement. Ce n’est pas un assistant généraliste.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>Charger le modèle de démonstration</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>Vous avez déjà des modèles que Sikao peut exécuter</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>D’autres applications les conservent sur cet ordinateur. Sikao ne fait que les lire ; ils restent où ils sont.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>De %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Charger %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>Inspecteur de raisonnement</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Copier le raisonnement</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>Fermer l&apos;inspecteur</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>Rechercher dans le raisonnement</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>Étapes de raisonnement</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>Étape %1 · %2 tokens · confiance moyenne %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Étape %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>« %1 » : %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>Aucune probabilité de jeton n’a été enregistrée pour cette réponse.</translation>
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
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>Retour au chat</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>Retour au chat (Échap)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>Message modifié</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Version précédente</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Version suivante</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>Régénérer la réponse</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Modifier et renvoyer</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 tokens · %2 tokens/s</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Afficher moins</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>Tout afficher (%1 caractères)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>Hors du champ du modèle</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>Le contexte est plein : la réponse s’arrête ici.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>Continuer dans une nouvelle discussion avec un résumé</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>Suite du message</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Ouvrir un fichier GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>Ajouter un dossier de modèles</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Ouvrir un fichier GGUF…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>Actualiser la liste des modèles</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Chargé : %1</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>Périphérique : %1 · contexte de %2 jetons</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progression du chargement</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Annuler le chargement du modèle</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Message d’erreur</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>Dossier des modèles : %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>Recherche aussi dans : %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>Ne plus chercher dans %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>Lecture des fichiers de modèle</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>Aucun modèle pour l’instant. Placez un fichier .gguf dans le dossier des modèles ou ouvrez-en un.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>raisonnement</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>mini démo</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>chargé</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 paramètres · contexte %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Charger %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>Retirer %1 de la liste</translation>
    </message>
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>Poids : %1 sur le périphérique, %2 en mémoire système</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>Poids : %1 sur le périphérique</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Trouvés sur cet ordinateur</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>Recherche dans les dossiers de LM Studio, Ollama, Jan, GPT4All, llama.cpp et Hugging Face…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>Aucun modèle de LM Studio, Ollama, Jan, GPT4All, llama.cpp ou Hugging Face n’a été trouvé.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>La recherche s’est arrêtée à sa limite ; il peut y en avoir d’autres.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>Sikao ne fait que lire ces fichiers ; ils restent où ils sont.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (impossible à exécuter : %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>De %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>Réflexion de %1 s · %2 tokens</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspecter</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>Ouvrir l&apos;inspecteur de raisonnement</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Copier le raisonnement</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Raisonnement</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>Réflexion… %1 s · %2 jetons</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Échantillonnage</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>Température (0 : toujours le jeton le plus probable)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0 : désactivé</translation>
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
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>Nouvelle graine aléatoire à chaque réponse</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>Longueur maximale de la réponse (jetons)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Longueur du contexte (jetons)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0 : celle du modèle. S’applique au chargement d’un modèle.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>Rétablir les réglages d’échantillonnage par défaut</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Invite système par défaut</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>Envoyée au début de chaque nouvelle conversation. Laissez vide pour n’en utiliser aucune.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>Vous êtes un assistant serviable.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Taille de police</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>Le périphérique graphique qui exécute le modèle. Un changement s’applique au prochain chargement d’un modèle.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>Automatique (le périphérique le plus rapide)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2, %3 de mémoire</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>Recherche des périphériques</translation>
    </message>
    <message>
        <source>Device memory budget (MB)</source>
        <translation>Budget de mémoire du périphérique (Mo)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0 : automatique (90 % de la mémoire propre d’une carte graphique). Un modèle à mélange d’experts qui le dépasse garde des experts en mémoire système. S’applique au chargement d’un modèle.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>Démarrer une nouvelle discussion (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Rechercher dans toutes les discussions</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>Raisonnement : </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglées</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>Nouveau titre</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Actions de la conversation</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Exporter en Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>« %1 » supprimée</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Exporter la discussion</translation>
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
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Gérer les modèles</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>Choisir, ouvrir et charger des modèles</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>Échantillonnage, invite système, apparence, langue et périphérique (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>Masquer les conversations (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>Afficher les conversations (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Rechercher dans toutes les discussions</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>Commencer une discussion</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>Modèle : %1 sur %2, contexte de %3 jetons.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Aucun modèle n’est chargé.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Progression du chargement du modèle</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>Saisissez un message ci-dessous. Un modèle de raisonnement affiche sa réflexion au-dessus de la réponse ; ouvrez-la pour examiner chaque étape et l’assurance du modèle pour chaque jeton.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modèles…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Gérer les modèles</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>Voici le petit modèle de démonstration de Sikao : il ne fait que de l’arithmétique simple et des comparaisons. Pour un véritable assistant, chargez votre propre modèle depuis Modèles.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modèle : %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Progression du chargement du modèle</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Annuler le chargement du modèle</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Périphérique : %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>Contexte %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Génération… (Esc pour arrêter)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>Format de conversation intégré</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>Le modèle de conversation du modèle n’a pas pu être utilisé ; le format intégré l’a remplacé : %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>Historique en lecture seule</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>L’historique est en lecture seule : les nouveaux messages ne peuvent pas être enregistrés.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>La base de données de l&apos;historique était endommagée (%1). Elle a été conservée sous %2 et une nouvelle a été créée.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>Impossible d&apos;ouvrir l&apos;historique (%1). Les discussions de cette session sont conservées uniquement dans %2.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>L’historique %1 ne peut pas être modifié (lecture seule). Les conversations passées sont affichées ; les nouveaux messages ne sont pas enregistrés.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>Le modèle est encore en cours de chargement.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>Aucun modèle n&apos;est chargé. Ouvrez un modèle GGUF pour commencer à discuter.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>Attendez la réponse ou arrêtez-la.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>L’historique est en lecture seule : les nouveaux messages ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>1 message antérieur est hors du champ du modèle</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>%1 messages antérieurs sont hors du champ du modèle</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>Cette conversation ne tient plus dans le contexte du modèle (%1 jetons). Commencez une nouvelle conversation ou désactivez « Arrêter quand le contexte est plein » pour laisser les plus anciens messages hors du champ du modèle.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(1 message antérieur omis)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(%1 messages antérieurs omis)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>Résume notre conversation précédente pour que nous puissions la poursuivre. Écris seulement le résumé : de quoi il s’agissait, ce qui a été trouvé ou décidé, et ce qui reste ouvert. La conversation :

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (suite)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Épinglées</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Plus anciennes</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>Format d&apos;exportation inconnu « %1 » (utilisez md ou json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>GPU dédié</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>GPU intégré</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>GPU virtuel</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>Sikao ne sait pas encore exécuter l’architecture %1</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>Sikao ne sait pas encore exécuter le type de tenseur %1</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>Ce n’est pas un modèle que Sikao peut lire</translation>
    </message>
</context>
</TS>
