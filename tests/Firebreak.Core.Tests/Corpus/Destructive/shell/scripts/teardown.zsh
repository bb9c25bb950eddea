#!/usr/bin/env zsh
terraform destroy -auto-approve # expect: FB1001
terraform output
