/**
 * Built-in word list for the key guesser: weak SECRET_KEY values people really ship. Placeholders
 * from tutorials and templates ("super secret key", "changeme", "your-secret-key"), Flask's own
 * documentation examples, keyboard walks and common passwords, and the Spanish equivalents a
 * Spanish-speaking learner would type ("tu_clave_secreta_aqui", "clave_secreta", "cambiame").
 * Written for this project; a key found here is as good as published.
 *
 * The two keys printed in Flask's documentation come first: copying an example key from the docs
 * is the classic mistake. One is bytes, written here as Python writes it.
 */

/** Flask's quickstart example key, `b'_5#y2L"F4Q8z\\n\\xec]/'`, as bytes. */
export const FLASK_DOCS_BYTES_KEY = Uint8Array.from([0x5f, 0x35, 0x23, 0x79, 0x32, 0x4c, 0x22, 0x46, 0x34, 0x51, 0x38, 0x7a, 0x0a, 0xec, 0x5d, 0x2f]);

/** The output of `python -c 'import secrets; print(secrets.token_hex())'` shown in Flask's docs. */
export const FLASK_DOCS_HEX_KEY = '192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf';

const WEAK_WORDS: readonly string[] = [
  "secret", "secret_key", "secretkey", "secret-key", "SECRET_KEY", "Secret", "SECRET", "mysecret",
  "my_secret", "mysecretkey", "my_secret_key", "my-secret-key", "yoursecretkey", "your_secret_key", "your-secret-key", "your secret key",
  "your_secret_key_here", "your-secret-key-here", "put-your-secret-key-here", "replace-me", "replace_me", "replaceme", "change_me", "changeme",
  "change-me", "changethis", "change_this", "change-this", "CHANGEME", "changeit", "change_this_secret", "change-this-secret-key",
  "super secret key", "supersecret", "super_secret", "super-secret", "supersecretkey", "super_secret_key", "super-secret-key", "topsecret",
  "top_secret", "top-secret", "verysecret", "very_secret", "verysecretkey", "secret123", "secret1234", "secretpassword",
  "s3cr3t", "s3cret", "S3cr3t", "dev", "development", "development key", "dev_key", "dev-key",
  "devkey", "dev-secret", "dev_secret", "development-key", "test", "testing", "test_key", "testkey",
  "test-secret", "testsecret", "debug", "default", "default_key", "defaultsecret", "key", "mykey",
  "my_key", "flask", "flasksecret", "flask_secret", "flask-secret", "flask_secret_key", "flask-secret-key", "flasksecretkey",
  "flaskr", "flask-app", "flask_app", "app", "appsecret", "app_secret", "app-secret", "app_secret_key",
  "appkey", "session", "session_key", "sessionsecret", "session-secret", "cookie", "cookie-secret", "cookie_secret",
  "cookiesecret", "cookie-session", "password", "password1", "password123", "Password1", "passw0rd", "p@ssw0rd",
  "admin", "admin123", "administrator", "root", "toor", "qwerty", "qwerty123", "123456",
  "12345678", "123456789", "1234567890", "1234", "12345", "abc123", "abcdef", "abcd1234",
  "letmein", "welcome", "hello", "helloworld", "hello_world", "iloveyou", "monkey", "dragon",
  "trustno1", "example", "example_key", "sample", "demo", "demo_key", "tutorial", "insecure",
  "notsecret", "not-so-secret", "unsafe", "CHANGE_ME", "TODO", "todo", "xxx", "xxxx",
  "xxxxxxxx", "a", "aaaa", "foo", "bar", "foobar", "foo-bar", "baz",
  "asdf", "asdfgh", "asdfghjkl", "zxcvbn", "secret!", "secret@123", "Secret123", "Secret123!",
  "keyboardcat", "keyboard cat", "shhhh", "shh", "hush", "hunter2", "tu_clave_secreta_aqui", "tu-clave-secreta-aqui",
  "tu_clave_secreta", "tuclavesecreta", "clave_secreta", "clave-secreta", "clavesecreta", "clave secreta", "mi_clave_secreta", "mi-clave-secreta",
  "miclavesecreta", "mi clave secreta", "clave", "claves", "secreto", "secreta", "supersecreto", "super_secreto",
  "contraseña", "contrasena", "contraseña123", "cambiame", "cambiar", "cámbiame", "cambia_esto", "cambiar_esto",
  "cambia-esto", "desarrollo", "prueba", "pruebas", "clave_de_desarrollo", "clave_desarrollo", "clave_sesion", "clave_de_sesion",
  "llave", "llave_secreta", "mi_llave", "hola", "holamundo", "hola_mundo", "admin1", "usuario",
  "ejemplo", "aplicacion", "mi_app", "miapp", "secretkey123", "secret_key_123", "secret-key-123", "flask123",
  "django-insecure", "django-insecure-key", "express", "nodejs", "laravel", "rails", "spring", "jwt_secret",
  "jwt-secret", "jwtsecret", "JWT_SECRET", "token", "token_secret", "api_key", "apikey", "API_KEY",
  "private", "privatekey", "private_key", "hidden", "mypassword", "my_password", "pass", "pass123",
  "changeme123", "guest", "user", "login", "auth", "authkey", "auth_key", "signing-key",
  "signing_key", "sign", "salt", "pepper", "random", "randomkey", "random_key", "random-string",
  "randomstring", "0", "1", "00000000", "11111111", "deadbeef", "cafebabe", "0123456789abcdef",
  "thisisasecret", "this is a secret", "this-is-a-secret", "this_is_a_secret", "thisismysecret", "this-is-my-secret-key", "this_is_my_secret_key", "ThisIsASecret",
  "itsasecret", "its-a-secret", "nobodyknows", "guessme", "guess", "you-will-never-guess", "you-will-never-guess!", "youwillneverguess",
  "hard to guess string", "hard-to-guess-string", "hard_to_guess_string", "a-very-secret-key", "a_very_secret_key", "averysecretkey", "very-secret-key", "super-secret-password",
  "secret-sauce", "secretsauce", "open sesame", "opensesame", "abracadabra", "my-flask-app", "my_flask_app", "myflaskapp",
  "flask-login", "flask_login", "todo-app", "blog", "microblog", "myblog", "shop", "store",
  "webapp", "web_app", "website", "project", "mysite", "localhost", "production", "prod",
  "staging",
];

export const BUILT_IN_WORDS: readonly (string | Uint8Array)[] = [FLASK_DOCS_BYTES_KEY, FLASK_DOCS_HEX_KEY, ...WEAK_WORDS];
