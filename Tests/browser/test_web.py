"""One person's way through the page, in order: sign in, upload, search, edit a memory, forget a
chat; then another user's key sees none of it. Every page is photographed at 1440 and 360 px."""

from urllib.parse import urlparse, parse_qs

import pytest

from conftest import FIXTURES

pytest.importorskip("selenium", reason="needs selenium (python3 -m pip install selenium)")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 60


def wait(driver):
    return WebDriverWait(driver, WAIT)


def photograph(driver, shots, name):
    """The page at 1440 and 360 px wide; back to 1440 after."""
    for width in (1440, 360):
        driver.set_window_size(width, 1000)
        driver.save_screenshot(str(shots / f"{name}-{width}.png"))
    driver.set_window_size(1440, 1000)


def sign_in(driver, server, user):
    driver.delete_all_cookies()
    driver.get(server["url"] + "/")
    field = driver.find_element(By.NAME, "key")
    field.send_keys(server["keys"][user])
    field.submit()
    wait(driver).until(EC.url_contains("/memories"))


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


@pytest.fixture(scope="module")
def alice(browser, server, shots):
    browser.get(server["url"] + "/")
    photograph(browser, shots, "sign-in")
    sign_in(browser, server, "alice")
    return browser


def test_upload_a_fixture_and_see_its_chats(alice, server, shots):
    alice.get(server["url"] + "/upload")
    alice.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(FIXTURES / "conversations.json"))
    alice.find_element(By.CSS_SELECTOR, "form[data-upload] button[type=submit]").click()
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "upload-result"), "Imported conversations.json"))
    result = alice.find_element(By.ID, "upload-result").text
    assert "2 new conversations" in result
    assert "memories extracted" in result
    assert alice.find_element(By.CSS_SELECTOR, "progress").get_attribute("value") == "1"
    photograph(alice, shots, "upload")

    alice.find_element(By.LINK_TEXT, "See the conversations from this upload").click()
    wait(alice).until(EC.url_contains("/chats?import="))
    titles = [link.text for link in alice.find_elements(By.CSS_SELECTOR, "main .list a strong")]
    # The title's markup is shown as text, never interpreted.
    assert sorted(titles) == ["Bees in <b>Bergen</b>", "Planning a trip to Kyoto"]
    photograph(alice, shots, "conversations")


def test_search_opens_the_hit_at_its_message(alice, server, shots):
    alice.get(server["url"] + "/search")
    box = alice.find_element(By.NAME, "q")
    box.send_keys("quokkaflower")
    box.submit()
    wait(alice).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.results li")))
    marks = [mark.text.lower() for mark in alice.find_elements(By.CSS_SELECTOR, "ol.results mark")]
    assert "quokkaflower" in marks
    photograph(alice, shots, "search")

    alice.find_element(By.CSS_SELECTOR, "ol.results li a[href^='/chats/']").click()
    wait(alice).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".message.target")))
    message_id = parse_qs(urlparse(alice.current_url).query)["at"][0]
    target = alice.find_element(By.CSS_SELECTOR, ".message.target")
    assert target.get_attribute("id") == message_id
    assert "quokkaflower colony" in target.text
    photograph(alice, shots, "conversation")


def test_edit_a_memory_and_see_the_old_version_in_its_history(alice, server, shots):
    alice.get(server["url"] + "/memories")
    cards = alice.find_elements(By.CSS_SELECTOR, "li.memory")
    assert cards, "the upload extracted memories"
    photograph(alice, shots, "memories")
    card = next(card for card in cards if "heather honey" in card.text)
    old = card.find_element(By.CSS_SELECTOR, ".content").text
    card.find_element(By.LINK_TEXT, "Source turn").click()
    wait(alice).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".message.target")))
    assert "heather honey" in alice.find_element(By.CSS_SELECTOR, ".message.target").text

    alice.back()
    alice.find_element(By.CSS_SELECTOR, "li.memory").find_element(By.LINK_TEXT, "History and edit")
    card = next(card for card in alice.find_elements(By.CSS_SELECTOR, "li.memory") if "heather honey" in card.text)
    card.find_element(By.LINK_TEXT, "History and edit").click()
    content = wait(alice).until(EC.presence_of_element_located((By.NAME, "content")))
    content.clear()
    content.send_keys("The user's favourite honey is ling heather honey from Voss.")
    alice.find_element(By.CSS_SELECTOR, "form.fields button[type=submit]").click()
    wait(alice).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Saved."))
    assert "ling heather honey from Voss" in alice.find_element(By.CSS_SELECTOR, "li.memory .content").text
    history = alice.find_element(By.CSS_SELECTOR, "ol.history").text
    assert old in history
    photograph(alice, shots, "memory")

    alice.get(server["url"] + "/overview")
    assert "Memories by type" in main_text(alice)
    assert alice.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    photograph(alice, shots, "overview")
    alice.get(server["url"] + "/review")
    photograph(alice, shots, "review")


def test_forget_a_chat_after_its_dry_run_count(alice, server, shots):
    alice.get(server["url"] + "/chats?title=Kyoto")
    alice.find_element(By.PARTIAL_LINK_TEXT, "Kyoto").click()
    chat_url = alice.current_url
    alice.find_element(By.CSS_SELECTOR, "details.card summary").click()
    alice.find_element(By.PARTIAL_LINK_TEXT, "Forget this conversation").click()
    wait(alice).until(EC.url_contains("/forget"))
    text = main_text(alice)
    assert "1 chat, 2 messages" in text and "Nothing has been deleted yet" in text
    photograph(alice, shots, "forget")
    alice.find_element(By.CSS_SELECTOR, "button.danger").click()
    wait(alice).until(EC.alert_is_present()).accept()
    wait(alice).until(EC.url_contains("forgot=1"))
    assert "Kyoto" not in main_text(alice)
    alice.get(chat_url)
    assert "No chat with id" in main_text(alice)


def test_another_users_key_sees_none_of_it(alice, server, shots):
    alice.get(server["url"] + "/chats")
    chat_url = alice.find_element(By.PARTIAL_LINK_TEXT, "Bees").get_attribute("href")
    alice.get(server["url"] + "/memories")
    memory_url = alice.find_element(By.LINK_TEXT, "History and edit").get_attribute("href")

    alice.find_element(By.CSS_SELECTOR, ".signout button").click()
    wait(alice).until(EC.presence_of_element_located((By.NAME, "key")))
    sign_in(alice, server, "bob")
    assert "0 memories" in main_text(alice)
    alice.get(server["url"] + "/chats")
    assert "0 conversations" in main_text(alice)
    alice.get(server["url"] + "/search?q=quokkaflower")
    assert "Nothing found." in main_text(alice)
    alice.get(server["url"] + "/overview")
    assert "0 conversations, 0 messages, 0 memories" in main_text(alice)
    for url in (chat_url, memory_url):
        alice.get(url)
        assert "Not found" in alice.find_element(By.TAG_NAME, "h1").text
